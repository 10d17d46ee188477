package dev.personaharness.bench;

import dev.personaharness.runlog.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OpenAI-compatible chat-completions server for the benchmark: every request is answered
 * with the same completion after a fixed latency. HTTP/1.1 with keep-alive, one thread per
 * connection; the response goes out in one write (status, headers and body together), because a
 * reply split in two waits for a delayed ACK on loopback (about 40 ms a request). Counts requests
 * and the most it ever had in flight, so the benchmark can show the harness reached its concurrency,
 * and times the turnaround: from a response written to the next request on that connection, the
 * harness's own time per case as the provider sees it.
 */
final class StubServer implements AutoCloseable {
  private final ServerSocket socket;
  private final long latencyMillis;
  private final byte[] response;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "stub-server");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final List<Long> turnarounds = new ArrayList<>();

  StubServer(long latencyMillis, String answer) throws IOException {
    this.latencyMillis = latencyMillis;
    this.socket = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
    byte[] body = Json.line(Map.of("id", "chatcmpl-bench", "object", "chat.completion", "created", 0, "model", "bench-model",
        "choices", List.of(Map.of("index", 0, "finish_reason", "stop", "message", Map.of("role", "assistant", "content", answer))),
        "usage", Map.of("prompt_tokens", 2400, "completion_tokens", 700, "total_tokens", 3100))).getBytes(StandardCharsets.UTF_8);
    byte[] head = String.format(Locale.ROOT, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n",
        body.length).getBytes(StandardCharsets.US_ASCII);
    response = new byte[head.length + body.length];
    System.arraycopy(head, 0, response, 0, head.length);
    System.arraycopy(body, 0, response, head.length, body.length);
    threads.execute(this::accept);
  }

  /** The base URL to give the OpenAI provider. */
  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
  }

  int requests() {
    return requests.get();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  /** The turnaround in milliseconds at quantile {@code q} (0.5: the median); 0 before any. */
  synchronized double turnaroundMillis(double q) {
    if (turnarounds.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(turnarounds);
    Collections.sort(sorted);
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size()))) / 1e6;
  }

  private synchronized void turnaround(long nanos) {
    turnarounds.add(nanos);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        s.setTcpNoDelay(true);
        threads.execute(() -> serve(s));
      } catch (IOException e) {
        // closed: the benchmark is over
      }
    }
  }

  /** Serves one connection's requests in turn until the client closes it. */
  private void serve(Socket s) {
    try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
      long answered = 0;
      for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
        if (answered != 0) {
          turnaround(System.nanoTime() - answered);
        }
        long length = 0;
        boolean close = false;
        for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
          String lower = h.toLowerCase(Locale.ROOT);
          if (lower.startsWith("content-length:")) {
            length = Long.parseLong(lower.substring(15).strip());
          } else if (lower.startsWith("connection:") && lower.contains("close")) {
            close = true;
          }
        }
        in.skipNBytes(length);
        requests.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
          Thread.sleep(latencyMillis);
        } finally {
          inFlight.decrementAndGet();
        }
        out.write(response);
        out.flush();
        answered = System.nanoTime();
        if (close) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One CRLF-terminated header line, or null at the end of the stream. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
      }
      sb.append((char) c);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    threads.shutdownNow();
  }
}
