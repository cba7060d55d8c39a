/** The campaigns report file format ({@code {"campaigns": [...], "parameters": {...}}}). */
package org.tocsin.campaigns.json;
