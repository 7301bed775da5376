package dev.dealarchive.web;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one kept-alive connection, for the benchmark: one blocking socket per client thread,
 * no selector or futures, so the measuring clients cost little CPU beside the server they measure on a 2-core machine.
 * Reads only responses with a Content-Length, which is all {@link WebServer} sends.
 */
final class LoopbackClient implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final String host;

  LoopbackClient(InetSocketAddress address) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(address, 5_000);
    socket.setSoTimeout(30_000);
    out = new BufferedOutputStream(socket.getOutputStream(), 2_048);
    in = new BufferedInputStream(socket.getInputStream(), 65_536);
    host = address.getHostString() + ":" + address.getPort();
  }

  /** A response: status and body bytes. */
  record Reply(int status, byte[] body) {}

  /** Sends {@code GET pathAndQuery} and reads the whole response. */
  Reply get(String pathAndQuery) throws IOException {
    out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String statusLine = line();
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP response: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    int length = -1;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      if (colon > 0 && header.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("content-length")) {
        length = Integer.parseInt(header.substring(colon + 1).strip());
      }
    }
    if (length < 0) {
      throw new IOException("response without Content-Length to GET " + pathAndQuery);
    }
    return new Reply(status, in.readNBytes(length));
  }

  private String line() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("the server closed the connection");
      }
      if (b != '\r') {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
