package dev.dealarchive.web;

/** A request the server refuses, with the status and a message that says which parameter is wrong and why. */
final class BadRequest extends Exception {
  private final int status;

  BadRequest(int status, String message) {
    super(message);
    this.status = status;
  }

  static BadRequest badParameter(String message) {
    return new BadRequest(400, message);
  }

  static BadRequest notFound(String message) {
    return new BadRequest(404, message);
  }

  int status() {
    return status;
  }
}
