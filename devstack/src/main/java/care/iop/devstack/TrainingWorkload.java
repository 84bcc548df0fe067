package care.iop.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The workload a JVM is trained with before it records its ahead-of-time cache (JDK 25, JEP 514/515) or class-data
 * archive: the busiest reads and writes of the API and the answers that refuse (validation, unknown records), so that
 * the classes and the method profiles of those paths are in the cache. The container images run it against the one
 * component they hold ({@link ImageTraining}); the benchmark stack runs it through the gateway before it records the
 * archives of a new build, so scenario i measures a stack started the way an image starts.
 */
public final class TrainingWorkload {
    private final String baseUrl;
    private final Function<String, String> tokenOfRole;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code tokenOfRole} gives the bearer token of a role; one token per role, as a real client keeps its token. */
    public TrainingWorkload(String baseUrl, Function<String, String> tokenOfRole) {
        this.baseUrl = baseUrl;
        this.tokenOfRole = tokenOfRole;
    }

    /** One request of the workload: method, path, the role of its token and a JSON body. */
    record Call(String method, String path, String role, String body) {
    }

    /** Whether the target answers its readiness check with 200. */
    public boolean ready() {
        HttpResponse<Void> answer = send(new Call("GET", "/q/health/ready", null, null));
        return answer != null && answer.statusCode() == 200;
    }

    /** Runs {@code rounds} rounds and answers how many answers each status had (-1: no answer). */
    public Map<Integer, Integer> run(int rounds) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Call call : calls(round)) {
                HttpResponse<Void> answer = send(call);
                statuses.merge(answer == null ? -1 : answer.statusCode(), 1, Integer::sum);
                // a registered patient is read back: the read path with a real row, its audit and its answer
                if (answer != null && answer.statusCode() == 201 && call.path().equals("/api/v1/patients")) {
                    answer.headers().firstValue("Location").ifPresent(location -> {
                        HttpResponse<Void> read = send(new Call("GET", URI.create(baseUrl + "/").resolve(location).getPath(), "clinician", null));
                        statuses.merge(read == null ? -1 : read.statusCode(), 1, Integer::sum);
                    });
                }
            }
        }
        return statuses;
    }

    /**
     * What is asked in one round. The services other than participant-service know a patient only from its events:
     * where they run alone (an image's training) their writes for a patient answer 4xx, which still runs the request,
     * validation, security and persistence code up to the refusal.
     */
    static List<Call> calls(int round) {
        String today = LocalDate.now().toString();
        UUID unknown = UUID.randomUUID();
        String patient = "{\"identifiers\":[{\"system\":\"urn:iop:training\",\"value\":\"T-" + UUID.randomUUID() + "\"}],"
                + "\"givenName\":\"Train\",\"familyName\":\"Ing" + round + "\",\"birthDate\":\"1988-03-14\",\"gender\":\"female\","
                + "\"track\":\"ADULT_MH\",\"levelOfCare\":\"2.1\",\"phone\":\"+1-555-0100\",\"email\":\"train" + round
                + "@example.org\",\"admissionDate\":\"" + today + "\"}";
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("GET", "/q/health/ready", null, null));
        // participant-service (and, through the gateway, its proxy path)
        calls.add(new Call("POST", "/api/v1/patients", "integration", patient));
        calls.add(new Call("POST", "/api/v1/patients", "integration", "{\"givenName\":\"\"}"));
        calls.add(new Call("GET", "/api/v1/patients/" + unknown, "clinician", null));
        calls.add(new Call("GET", "/api/v1/patients?name=ing&size=5", "clinician", null));
        calls.add(new Call("GET", "/api/v1/clinicians?size=5", "scheduler", null));
        // plan-service
        calls.add(new Call("GET", "/api/v1/plans?patientId=" + unknown, "clinician", null));
        calls.add(new Call("GET", "/api/v1/plans/" + unknown, "clinician", null));
        calls.add(new Call("POST", "/api/v1/assessments", "clinician", "{\"patientId\":\"" + unknown
                + "\",\"instrument\":\"PHQ9\",\"answers\":[1,1,1,1,1,1,1,1,0]}"));
        calls.add(new Call("GET", "/api/v1/worklists/me", "clinician", null));
        // session-service
        calls.add(new Call("GET", "/api/v1/schedules/patients/" + unknown + "?from=" + today + "&to=" + today, "clinician", null));
        calls.add(new Call("GET", "/api/v1/sessions/" + unknown, "scheduler", null));
        calls.add(new Call("GET", "/api/v1/audit?size=5", "admin", null));
        return calls;
    }

    private HttpResponse<Void> send(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + call.path())).timeout(Duration.ofSeconds(30))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.body() != null) {
            request.header("Content-Type", "application/json");
        }
        if (call.role() != null) {
            request.header("Authorization", "Bearer " + tokenOfRole.apply(call.role()));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
