package org.concierge.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Session;

/**
 * How many idle, authenticated sockets one server holds, and what each costs in server memory.
 * Opens {@code sockets} sockets (default 10,000) in batches, each authenticated, keeps them open
 * for {@code hold} seconds (default 30) and counts those still open at the end.
 */
public final class ConnectionsBenchmark {

  private static final int USERS = 100;
  private static final int BATCH = 250;

  public static void main(String[] args) throws Exception {
    int wanted = Integer.getInteger("sockets", 10_000);
    Duration hold = Duration.ofSeconds(Long.getLong("hold", 30));
    ConciergeServer server = ConciergeServer.forBenchmarks();
    server.startFresh();
    List<String> report = new ArrayList<>();
    List<BenchSocket> sockets = new ArrayList<>();
    try {
      Desk desk = new Desk(server);
      List<Session> users = new ArrayList<>();
      for (int i = 0; i < USERS; i++) {
        users.add(i % 10 == 0 ? desk.newAgent() : desk.newVisitor());
      }
      long before = ServerMemory.rssKib(server.pid());
      HttpClient http = HttpClient.newHttpClient();
      AtomicInteger ready = new AtomicInteger();
      AtomicInteger closed = new AtomicInteger();
      long begin = System.nanoTime();
      for (int start = 0; start < wanted; start += BATCH) {
        int size = Math.min(BATCH, wanted - start);
        CountDownLatch batch = new CountDownLatch(size);
        for (int i = 0; i < size; i++) {
          Session user = users.get((start + i) % USERS);
          BenchSocket socket =
              BenchSocket.open(
                  http,
                  server.webSocketUri(),
                  frame -> {
                    if ("ready".equals(frame.getString("type"))) {
                      ready.incrementAndGet();
                      batch.countDown();
                    }
                  },
                  code -> closed.incrementAndGet());
          socket.send(Json.of("type", "auth", "token", user.token()).toString());
          sockets.add(socket);
        }
        if (!batch.await(60, TimeUnit.SECONDS)) {
          report.add("stopped at " + sockets.size() + " sockets: a batch was not ready in 60 s");
          break;
        }
      }
      double opening = (System.nanoTime() - begin) / 1e9;
      long after = ServerMemory.rssKib(server.pid());
      TimeUnit.SECONDS.sleep(hold.toSeconds());
      long held = ServerMemory.rssKib(server.pid());
      report.add(
          String.format(
              Locale.ROOT,
              "sockets authenticated: %d of %d in %.1f s; server RSS %d MiB before, %d MiB with them, %d MiB after %d s idle; %.1f KiB per socket",
              ready.get(),
              wanted,
              opening,
              before / 1024,
              after / 1024,
              held / 1024,
              hold.toSeconds(),
              (double) (after - before) / Math.max(1, ready.get())));
      report.add("closed by the server while idle: " + closed.get());
    } finally {
      sockets.forEach(BenchSocket::close);
      server.stop();
    }
    report.forEach(System.out::println);
    Files.write(
        Path.of(System.getProperty("concierge.it.workDir"), "connections-benchmark.txt"), report);
  }
}
