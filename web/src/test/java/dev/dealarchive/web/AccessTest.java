package dev.dealarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With ARCHIVE_WEB_TOKEN set: a bearer token or the login form's cookie, nothing else. */
class AccessTest {
  private static final String TOKEN = "s3cret-token-for-tests";

  @TempDir static Path temp;
  static WebFixture web;

  @BeforeAll
  static void start() throws IOException {
    web = WebFixture.start(temp, WebSettings.loopback(0).withToken(TOKEN));
  }

  @AfterAll
  static void stop() throws IOException {
    web.close();
  }

  @Test
  void apiNeedsTheBearerToken() throws Exception {
    HttpResponse<String> none = web.get("/api/search?q=cloud");
    assertEquals(401, none.statusCode());
    assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""));
    assertFalse(none.body().contains(TOKEN));
    assertEquals(401, web.get("/api/search?q=cloud", "Authorization", "Bearer wrong").statusCode());
    assertEquals(401, web.get("/api/search?q=cloud", "Authorization", "Bearer " + TOKEN + "x").statusCode());
    assertEquals(401, web.get("/api/search?q=cloud", "Authorization", "Basic " + TOKEN).statusCode());
    assertEquals(200, web.get("/api/search?q=cloud", "Authorization", "Bearer " + TOKEN).statusCode());
    assertEquals(401, web.get("/api/articles/hostile-1").statusCode());
  }

  @Test
  void pagesSendABrowserToTheLoginFormAndBack() throws Exception {
    HttpResponse<String> page = web.get("/?q=cloud&page=1");
    assertEquals(303, page.statusCode());
    assertEquals("/login?next=%2F%3Fq%3Dcloud%26page%3D1", page.headers().firstValue("Location").orElse(""));

    HttpResponse<String> wrong = web.send("POST", "/login", "token=nope&next=%2F%3Fq%3Dcloud",
        "Content-Type", "application/x-www-form-urlencoded");
    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());

    HttpResponse<String> right = web.send("POST", "/login", "token=" + TOKEN + "&next=%2F%3Fq%3Dcloud",
        "Content-Type", "application/x-www-form-urlencoded");
    assertEquals(303, right.statusCode());
    assertEquals("/?q=cloud", right.headers().firstValue("Location").orElse(""));
    String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    assertFalse(cookie.contains(TOKEN), "the cookie holds a keyed hash, not the token");

    String session = cookie.substring(0, cookie.indexOf(';'));
    HttpResponse<String> in = web.get("/?q=cloud", "Cookie", session);
    assertEquals(200, in.statusCode());
    assertTrue(in.body().contains("id=\"results\""));
    assertEquals(303, web.get("/?q=cloud", "Cookie", session + "x").statusCode());
  }

  @Test
  void loginNeverRedirectsOffTheSite() throws Exception {
    HttpResponse<String> response = web.send("POST", "/login", "token=" + TOKEN + "&next=%2F%2Fevil.example.com%2F",
        "Content-Type", "application/x-www-form-urlencoded");
    assertEquals(303, response.statusCode());
    assertEquals("/", response.headers().firstValue("Location").orElse(""));
    HttpResponse<String> split = web.send("POST", "/login", "token=" + TOKEN + "&next=%2Fa%0D%0ASet-Cookie%3A+x%3D1",
        "Content-Type", "application/x-www-form-urlencoded");
    assertEquals(303, split.statusCode());
    assertEquals("/", split.headers().firstValue("Location").orElse(""), "no header can be injected");
  }

  @Test
  void healthAndStaticFilesNeedNoToken() throws Exception {
    HttpResponse<String> health = web.get("/healthz");
    assertEquals(200, health.statusCode());
    assertEquals("{\"status\":\"ok\"}", health.body(), "without the token the check tells nothing about the archive");
    assertEquals(200, web.get("/static/app.css").statusCode());
    assertEquals(200, web.get("/login").statusCode());
  }
}
