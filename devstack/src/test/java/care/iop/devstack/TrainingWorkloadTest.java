package care.iop.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The training workload asks each round's calls with the token of their role, reads every patient it registered back at
 * the {@code Location} the registration answered, and counts the answers by status.
 */
class TrainingWorkloadTest {
    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void stub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().toString();
        requests.add(exchange.getRequestMethod() + " " + path + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int status = 404;
        if (exchange.getRequestMethod().equals("POST") && path.equals("/api/v1/patients") && !body.contains("identifiers")) {
            status = 400; // the workload's refused registration
        } else if (exchange.getRequestMethod().equals("POST") && path.equals("/api/v1/patients")) {
            exchange.getResponseHeaders().add("Location", "/api/v1/patients/registered-" + requests.size());
            status = 201;
        } else if (path.startsWith("/api/v1/patients/registered-") || path.equals("/q/health/ready")) {
            status = 200;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Test
    void registeredPatientsAreReadBackAndAnswersAreCounted() {
        TrainingWorkload workload = new TrainingWorkload("http://localhost:" + server.getAddress().getPort(), role -> "token-of-" + role);
        assertThat(workload.ready()).isTrue();
        requests.clear();

        Map<Integer, Integer> statuses = workload.run(2);

        int perRound = TrainingWorkload.calls(0).size();
        assertThat(requests).hasSize(2 * (perRound + 1));
        // every registration answered 201 is followed by the read of what it registered, with a clinician's token
        assertThat(requests).filteredOn(r -> r.startsWith("GET /api/v1/patients/registered-")).hasSize(2)
                .allSatisfy(r -> assertThat(r).endsWith("Bearer token-of-clinician"));
        assertThat(requests).filteredOn(r -> r.startsWith("POST /api/v1/patients ")).allSatisfy(r -> assertThat(r).endsWith("Bearer token-of-integration"));
        assertThat(requests).filteredOn(r -> r.startsWith("GET /q/health/ready")).allSatisfy(r -> assertThat(r).endsWith(" null"));
        assertThat(statuses).containsEntry(201, 2).containsEntry(400, 2).containsEntry(200, 2 + 2);
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(requests.size());
    }

    @Test
    void anUnreachableTargetIsNotReadyAndCountsAsNoAnswer() throws IOException {
        int port = server.getAddress().getPort();
        server.stop(0);
        TrainingWorkload workload = new TrainingWorkload("http://localhost:" + port, role -> "t");
        assertThat(workload.ready()).isFalse();
        assertThat(workload.run(1)).containsOnlyKeys(-1);
    }
}
