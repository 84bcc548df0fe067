package care.iop.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;

/** Blocking JSON calls for seeding and verification (callers run many of them in parallel threads). */
public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HttpClient client;

    public Api(Vertx vertx, int connections) {
        this.client = ClosedLoopLoad.client(vertx, connections);
    }

    public ClosedLoopLoad.Response call(HttpMethod method, String url, String token, Object body) {
        String text = body == null ? null : body instanceof String s ? s : write(body);
        try {
            return ClosedLoopLoad.exchange(client, new ClosedLoopLoad.Call(method, url, token, text))
                    .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e, e);
        }
    }

    /** The call must answer {@code status}; returns the parsed body. */
    public JsonNode expect(int status, HttpMethod method, String url, String token, Object body) {
        ClosedLoopLoad.Response response = call(method, url, token, body);
        if (response.status() != status) {
            throw new IllegalStateException(method + " " + url + " answered " + response.status() + " (expected " + status + "): "
                    + response.body());
        }
        return read(response.body());
    }

    /**
     * Like {@link #expect}, but retries while the answer is 422 or 503 (read model behind): the read models of the other
     * services learn about new patients, clinicians and plans from events, a moment later.
     */
    public JsonNode expectEventually(int status, Duration within, HttpMethod method, String url, String token, Object body) {
        return read(expectEventuallyResponse(status, within, method, url, token, body).body());
    }

    /** Like {@link #expectEventually}, answering the whole response (status, body and headers). */
    public ClosedLoopLoad.Response expectEventuallyResponse(int status, Duration within, HttpMethod method, String url, String token,
                                                           Object body) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            ClosedLoopLoad.Response response = call(method, url, token, body);
            if (response.status() == status) {
                return response;
            }
            // 422: a rule needs data still on its way; 503: the read model is behind (read-your-writes waited and gave up)
            if ((response.status() != 422 && response.status() != 503) || System.nanoTime() > deadline) {
                throw new IllegalStateException(method + " " + url + " answered " + response.status() + " (expected " + status
                        + "): " + response.body());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public void close() {
        client.close();
    }

    public static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }
}
