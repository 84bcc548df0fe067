package care.iop.platform.idempotency;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.privacy.Disclosure;
import care.iop.platform.problem.FieldError;
import care.iop.platform.problem.ProblemException;
import care.iop.problems.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * {@code Idempotency-Key} on the methods marked {@link Idempotent} (the IETF httpapi idempotency-key draft, with Stripe's
 * semantics). Without the header the method runs as if the interceptor were not there: no query, no transaction.
 * With it:
 * <ol>
 * <li>the key is checked (400 naming the header) and claimed for the caller (token subject and client identity) with a
 * RUNNING row, in one statement committed at once: a repeat meanwhile gets 409 {@code idempotency-key-in-use};</li>
 * <li>the method runs in one transaction that also records its answer (status, Location/ETag, body) on the row before
 * it commits, so a retry after a crash between the commit and the answer is a replay, never a second change;</li>
 * <li>a repeat with the same method, path, query and body gets the stored answer again with
 * {@code Idempotent-Replayed: true}, audited as a REPLAY of what the first request changed; with another request the
 * key is 422 {@code idempotency-key-reused};</li>
 * <li>a request that fails or is refused (an exception, a 4xx/5xx answer) committed nothing: the key is released, and a
 * repeat runs again (a refusal because a referenced record was not known yet may then succeed).</li>
 * </ol>
 * The body is compared as the JSON of the deserialized request (so whitespace and key order do not matter).
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {
    public static final String HEADER = "Idempotency-Key";
    /** Visible ASCII letters, digits and {@code . _ : ~ + / = -}: UUIDs, ULIDs, base64 and the like; 1 to 255 of them. */
    static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:~+/=-]{1,255}");
    static final String VALID_DESCRIPTION = "1 to 255 characters: letters, digits and . _ : ~ + / = - (a UUID is a good key)";
    private static final Logger LOG = Logger.getLogger(IdempotencyInterceptor.class);
    private static final Map<Method, Integer> BODY_PARAMETER = new ConcurrentHashMap<>();

    @Inject
    IdempotencyStore store;

    @Inject
    IdempotentTransaction transaction;

    @Inject
    IdempotencyMetrics metrics;

    @Inject
    CrashAfterCommit crashHook;

    @Inject
    SecurityIdentity identity;

    @Inject
    Disclosure disclosure;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request == null || request.serverRequest().getRequestHeader(HEADER) == null) {
            return context.proceed();
        }
        String key = valid(request.serverRequest().getAllRequestHeaders(HEADER));
        String subject = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        String client = disclosure.recipient();
        IdempotencyStore.Outcome outcome = store.claim(subject, client == null ? "" : client, key, fingerprint(request, context));
        if (outcome instanceof IdempotencyStore.Replay replay) {
            throw replay(replay.answer());
        }
        if (outcome instanceof IdempotencyStore.InUse inUse) {
            metrics.refused("in-use");
            throw new IdempotencyKeyInUse("A request with Idempotency-Key " + key + " is still running; retry after "
                    + inUse.retryAfterSeconds() + " s to get its answer", inUse.retryAfterSeconds());
        }
        if (outcome instanceof IdempotencyStore.Reused) {
            metrics.refused("reused");
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key " + key
                    + " was used for another request (method, path or body); send a new key with a new request",
                    List.of(new FieldError(HEADER, "already used for another request")));
        }
        IdempotencyClaim claim = ((IdempotencyStore.Claimed) outcome).claim();
        claim.attachTo(request);
        boolean committerRecords = context.getMethod().getAnnotation(Idempotent.class) != null
                && context.getMethod().getAnnotation(Idempotent.class).recordedByCommitter();
        Object result;
        try {
            result = committerRecords ? context.proceed() : transaction.run(context, claim);
        } catch (Exception | Error e) {
            release(claim);
            throw e;
        }
        IdempotentAnswer answer = IdempotentAnswer.of(result);
        if (!answer.success()) {
            release(claim);
            return result;
        }
        if (!claim.recorded()) {
            // Only a committer that forgot to record (a bug): keep the answer anyway, though not crash-safe.
            LOG.warnf("%s answered without recording its Idempotency-Key answer in its transaction; recorded now on its own",
                    context.getMethod());
            store.completeAlone(claim, answer);
        }
        crashHook.haltIfAsked(request);
        return result;
    }

    /** The stored answer again, after checking that it may still be given to this caller; audited as a REPLAY. */
    private IdempotentReplay replay(StoredAnswer answer) {
        if (answer.disclosed() && disclosure.external()) {
            // The first answer disclosed Part 2 records on the strength of a consent: a replay needs it still.
            answer.changes().stream().filter(c -> c.patientId() != null)
                    .forEach(c -> disclosure.require(c.patientId(), c.resourceType(), c.resourceId()));
        }
        answer.changes().forEach(c -> audit.success(AuditAction.REPLAY, c.resourceType(), c.resourceId(), c.patientId()));
        metrics.replayed();
        return new IdempotentReplay(answer);
    }

    private void release(IdempotencyClaim claim) {
        try {
            store.release(claim);
        } catch (Exception e) {
            // The lease frees the key later; the request's own failure is what the caller must see.
            LOG.warnf("Idempotency-Key could not be released (it frees itself when its lease ends): %s", e.toString());
        }
    }

    private static String valid(List<String> given) {
        if (given.size() > 1) {
            throw ProblemException.invalidField(HEADER, "send the header once");
        }
        String key = given.get(0).strip();
        // The draft sends the key as a structured-field string ("..."); Stripe's clients send it bare.
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (!VALID.matcher(key).matches()) {
            throw ProblemException.invalidField(HEADER, "must be " + VALID_DESCRIPTION);
        }
        return key;
    }

    /** SHA-256 of method, path, query and the request body as JSON. */
    private byte[] fingerprint(ResteasyReactiveRequestContext request, InvocationContext context) throws Exception {
        MessageDigest digest = sha256();
        String query = request.serverRequest().query();
        digest.update((request.getMethod() + ' ' + request.serverRequest().getRequestPath() + '?' + (query == null ? "" : query) + '\n')
                .getBytes(StandardCharsets.UTF_8));
        int body = BODY_PARAMETER.computeIfAbsent(context.getMethod(), IdempotencyInterceptor::bodyParameter);
        if (body >= 0 && context.getParameters()[body] != null) {
            digest.update(json.writeValueAsBytes(context.getParameters()[body]));
        }
        return digest.digest();
    }

    /** The index of the parameter that receives the body: the one JAX-RS injects nothing into, or -1. */
    private static int bodyParameter(Method method) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (isBody(parameters[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBody(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            if (jaxRs(annotation.annotationType().getPackageName())) {
                return false;
            }
        }
        String type = parameter.getType().getPackageName();
        return !jaxRs(type) && !type.startsWith("io.vertx");
    }

    private static boolean jaxRs(String packageName) {
        return packageName.startsWith("jakarta.ws.rs") || packageName.startsWith("org.jboss.resteasy.reactive");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
