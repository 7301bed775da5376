package dev.dealarchive.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers: status, content type, body and extra headers. The server adds the security headers to
 * every response.
 */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
  static final String HTML = "text/html; charset=utf-8";
  static final String JSON = "application/json; charset=utf-8";

  Response {
    headers = Map.copyOf(headers);
  }

  static Response html(int status, String page) {
    return new Response(status, HTML, page.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  static Response json(int status, String json) {
    return new Response(status, JSON, json.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  static Response redirect(String location) {
    return new Response(303, "text/plain; charset=utf-8", new byte[0], Map.of("Location", location));
  }

  Response withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Response(status, contentType, body, more);
  }
}
