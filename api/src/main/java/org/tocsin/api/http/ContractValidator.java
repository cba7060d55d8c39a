package org.tocsin.api.http;

import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tocsin.api.problems.ApiException;
import org.tocsin.core.json.Json;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Validates each request against its operation in the checked-in OpenAPI contract with
 * vertx-openapi's {@link RequestValidator}: parameter types, enums, bounds, required parameters and
 * JSON bodies. The operation is found from the route the router matched (its path with {@code
 * :name} turned into {@code {name}}), so a route added to the contract is validated without any
 * code of its own. A violation becomes a 400 problem ({@code invalid_parameter} naming the
 * parameter, or {@code invalid_body}); a body of a media type the operation does not declare, a
 * 415. Media types vertx-openapi cannot read (JSONL) are checked for their type only; the route
 * parses them.
 */
final class ContractValidator {
  /** The contract on the classpath. */
  static final String CONTRACT = "org/tocsin/api/openapi/openapi.yaml";

  private static final Logger LOG = Logger.getLogger(ContractValidator.class.getName());
  private static final Pattern PARAMETER =
      Pattern.compile("(query|path|header|cookie) parameter ([A-Za-z0-9_-]+)");
  private static final Pattern WORD = Pattern.compile("\\w+");
  private static final String OPAQUE = "application/octet-stream";
  private static final RequestParameter ABSENT = new RequestParameterImpl(null);

  private final RequestValidator validator;
  private final Timer timer;
  private final Map<String, Operation> operations = new HashMap<>();
  private final Map<String, Set<String>> mediaTypes = new HashMap<>();
  private final Map<String, Set<String>> opaqueTypes = new HashMap<>();

  private ContractValidator(
      Vertx vertx,
      OpenAPIContract contract,
      Map<String, Set<String>> declared,
      Set<String> opaque,
      Timer timer) {
    this.validator = RequestValidator.create(vertx, contract);
    this.timer = timer;
    for (Operation op : contract.operations()) {
      operations.put(op.getHttpMethod().name() + " " + op.getOpenAPIPath(), op);
      Set<String> types = declared.get(op.getOperationId());
      if (types != null) {
        mediaTypes.put(op.getOperationId(), types);
        Set<String> o = new TreeSet<>(types);
        o.retainAll(opaque);
        opaqueTypes.put(op.getOperationId(), o);
      }
    }
  }

  /** Reads the contract from the classpath and prepares the validator, timing each check. */
  static Future<ContractValidator> load(Vertx vertx, Timer timer) {
    Map<String, Set<String>> declared = new HashMap<>();
    Set<String> opaque = new TreeSet<>();
    // parsing YAML is blocking work: a second or more on a busy machine
    return vertx
        .executeBlocking(
            () -> {
              JsonObject raw = read();
              forValidation(raw, declared, opaque);
              return raw;
            },
            false)
        .compose(raw -> OpenAPIContract.from(vertx, raw))
        .map(c -> new ContractValidator(vertx, c, declared, opaque, timer));
  }

  private static JsonObject read() throws IOException {
    try (InputStream in = ContractValidator.class.getResourceAsStream("/" + CONTRACT)) {
      if (in == null) {
        throw new IOException("missing resource " + CONTRACT);
      }
      Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      return new JsonObject(Json.mapper().writeValueAsString(yaml));
    }
  }

  /**
   * Makes the contract one vertx-openapi accepts for request validation: responses are dropped
   * (their media types, YAML and event streams, are outside what it supports, and responses are not
   * validated), each operation's body media types are recorded, and those it has no reader for
   * become an opaque binary body, so that it checks their presence only.
   */
  private static void forValidation(
      JsonObject contract, Map<String, Set<String>> declared, Set<String> opaque) {
    contract.getJsonObject("components", new JsonObject()).remove("responses");
    JsonObject paths = contract.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        Object o = item.getValue(method);
        if (!(o instanceof JsonObject op)) {
          continue;
        }
        op.put(
            "responses",
            new JsonObject().put("default", new JsonObject().put("description", "any")));
        if (!op.containsKey("requestBody")) {
          continue;
        }
        JsonObject content = op.getJsonObject("requestBody").getJsonObject("content");
        Set<String> types = new TreeSet<>(content.fieldNames());
        declared.put(op.getString("operationId"), types);
        boolean replaced = false;
        for (String type : types) {
          if (!type.equals("application/json")) {
            opaque.add(type);
            content.remove(type);
            replaced = true;
          }
        }
        if (replaced) {
          content.put(
              OPAQUE,
              new JsonObject()
                  .put("schema", new JsonObject().put("type", "string").put("format", "binary")));
        }
      }
    }
  }

  /**
   * Validates the request of the route the router matched, then calls {@code rc.next()}, or fails
   * the request with a 400 or 415 problem. A route outside the contract passes unchecked (the
   * contract test fails the build for such a route).
   */
  void validate(RoutingContext rc) {
    Route route = rc.currentRoute();
    Operation op =
        route == null || route.getPath() == null
            ? null
            : operations.get(rc.request().method().name() + " " + openApiPath(route.getPath()));
    if (op == null) {
      rc.next();
      return;
    }
    long start = System.nanoTime();
    ValidatableRequest request;
    try {
      request = extract(rc, op);
    } catch (ApiException e) {
      rc.fail(e);
      return;
    }
    if (op.getRequestBody() == null && validator instanceof RequestValidatorImpl direct) {
      // parameters only (every GET and DELETE): microseconds of schema checks, done here. The
      // validator's own entry point hops to an *ordered* worker queue, one per event loop, which
      // would serialize every request of the server behind each other.
      try {
        for (Parameter p : op.getParameters()) {
          direct.validateParameter(p, parameterOf(request, p));
        }
      } catch (RuntimeException e) {
        timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        rc.fail(problem(e, rc.request().path()));
        return;
      }
      timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      rc.next();
      return;
    }
    validator
        .validate(request, op.getOperationId())
        .onComplete(ar -> timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS))
        .onSuccess(v -> rc.next())
        .onFailure(e -> rc.fail(problem(e, rc.request().path())));
  }

  private static RequestParameter parameterOf(ValidatableRequest r, Parameter p) {
    Map<String, RequestParameter> from =
        switch (p.getIn()) {
          case QUERY -> r.getQuery();
          case PATH -> r.getPathParameters();
          case HEADER -> r.getHeaders();
          default -> r.getCookies();
        };
    return from.getOrDefault(p.getName(), ABSENT);
  }

  private ValidatableRequest extract(RoutingContext rc, Operation op) {
    Map<String, RequestParameter> query = new HashMap<>();
    Map<String, RequestParameter> path = new HashMap<>();
    Map<String, RequestParameter> headers = new HashMap<>();
    for (Parameter p : op.getParameters()) {
      switch (p.getIn()) {
        case QUERY -> {
          // the router decoded the value already (vertx-openapi's own extraction decodes again,
          // which refuses a literal '%' in a search)
          List<String> all = rc.queryParam(p.getName());
          query.put(p.getName(), value(p, all.isEmpty() ? null : all.get(0)));
        }
        case PATH -> path.put(p.getName(), value(p, rc.pathParam(p.getName())));
        case HEADER -> headers.put(p.getName(), value(p, rc.request().getHeader(p.getName())));
        default -> {}
      }
    }
    if (op.getRequestBody() == null) {
      return new Request(Map.of(), headers, path, query, null, null);
    }
    Buffer body = rc.body() == null ? null : rc.body().buffer();
    String type = mediaType(rc.request().getHeader("Content-Type"));
    Set<String> declared = mediaTypes.getOrDefault(op.getOperationId(), Set.of());
    if (type == null || !declared.contains(type)) {
      throw new ApiException(
          415,
          "unsupported_media_type",
          "send the body as " + String.join(" or ", declared) + " [got " + type + "]");
    }
    if (opaqueTypes.getOrDefault(op.getOperationId(), Set.of()).contains(type)) {
      type = OPAQUE;
    }
    RequestParameter b =
        body == null || body.length() == 0 ? ABSENT : new RequestParameterImpl(body);
    return new Request(Map.of(), headers, path, query, b, type);
  }

  /**
   * A raw value as vertx-openapi 5.0's transformer expects it: it decodes every string value that
   * is not a single word as JSON, so that {@code 2016} would become a number and {@code "unclosed}
   * an error; a string parameter's value is therefore handed over as a JSON string, which decodes
   * back to exactly what the caller sent.
   */
  private static RequestParameter value(Parameter p, String v) {
    if (v == null) {
      return ABSENT;
    }
    if (p.getSchemaType() == SchemaType.STRING && !WORD.matcher(v).matches()) {
      return new RequestParameterImpl(io.vertx.core.json.Json.encode(v));
    }
    return new RequestParameterImpl(v);
  }

  private static String mediaType(String header) {
    if (header == null) {
      return null;
    }
    int semi = header.indexOf(';');
    return (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /** A router path ({@code /a/:id}) as an OpenAPI path ({@code /a/{id}}). */
  static String openApiPath(String routerPath) {
    return routerPath.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
  }

  /** The problem a validation failure becomes: a 400 naming the parameter, never a 500. */
  static ApiException problem(Throwable e, String path) {
    if (e instanceof ApiException a) {
      return a;
    }
    if (!(e instanceof ValidatorException v)) {
      LOG.log(Level.WARNING, "request to " + path + " could not be validated", e);
      return new ApiException(400, "bad_request", "the request could not be validated");
    }
    String msg = String.valueOf(v.getMessage());
    int at = msg.indexOf("Reason: ");
    String reason = at < 0 ? msg : msg.substring(at + "Reason: ".length());
    Matcher m = PARAMETER.matcher(msg);
    if (m.find()) {
      return new ApiException(
          400,
          "invalid_parameter",
          "parameter '" + m.group(2) + "' (" + m.group(1) + "): " + lowerFirst(reason));
    }
    if (msg.contains("body")) {
      return new ApiException(400, "invalid_body", SchemaMessages.plain(reason));
    }
    return new ApiException(400, "invalid_parameter", lowerFirst(reason));
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** The parts of a request that vertx-openapi validates, read from the routing context. */
  private record Request(
      Map<String, RequestParameter> cookies,
      Map<String, RequestParameter> headers,
      Map<String, RequestParameter> path,
      Map<String, RequestParameter> query,
      RequestParameter body,
      String contentType)
      implements ValidatableRequest {
    @Override
    public Map<String, RequestParameter> getCookies() {
      return cookies;
    }

    @Override
    public Map<String, RequestParameter> getHeaders() {
      return headers;
    }

    @Override
    public Map<String, RequestParameter> getPathParameters() {
      return path;
    }

    @Override
    public Map<String, RequestParameter> getQuery() {
      return query;
    }

    @Override
    public RequestParameter getBody() {
      return body == null ? ABSENT : body;
    }

    @Override
    public String getContentType() {
      return contentType;
    }
  }
}
