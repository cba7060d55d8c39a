/** The files connector: a directory of Post JSONL files, each line one capture. */
package org.tocsin.crawler.source.files;
