package care.iop.plan.comparison.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.outcomes.service.OutcomesConfig;
import care.iop.platform.problem.ProblemException;
import care.iop.problems.ProblemType;

/**
 * Signed, short-lived links to the comparison chart, like presigned URLs: a browser (an {@code <img>}
 * in a dashboard, a link in an e-mail to the program director) shows the chart without a bearer token.
 * A link names the chart's parameters, when it expires and who made it; an HMAC-SHA256 of them under a
 * key the plan-service replicas share proves that none was changed. The chart holds aggregates only
 * (buckets under the minimum size are suppressed), and every view is audited under the link's maker.
 */
@ApplicationScoped
public class ChartLinks {
    public static final String PATH = "/api/v1/outcomes/modality-comparison/chart";
    @Inject
    OutcomesConfig config;

    private HmacKey key;

    /** The chart a link shows. */
    public record Chart(Instrument instrument, LocalDate from, LocalDate to, String track) {
    }

    /** A link: the path with its query, and when it stops working. */
    public record Link(String url, Instant expiresAt) {
    }

    /** The key stays under iop.outcomes.chart-link.* (the Secret iop-plan-chart-link of the deployment). */
    @PostConstruct
    void init() {
        key = HmacKey.of(config.chartLink().key(), "iop.outcomes.chart-link.key");
    }

    /** A link to {@code chart} that works until now + the configured lifetime. */
    public Link create(Chart chart, String issuer, Instant now) {
        Instant expiresAt = now.plus(config.chartLink().ttl()).plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String query = query(chart, expiresAt.getEpochSecond(), issuer);
        return new Link(PATH + "?" + query + "&signature=" + key.sign(query), expiresAt);
    }

    /**
     * Checks a link's signature and expiry and returns who made it; 403 problem+json when the signature
     * does not match its parameters or the link expired.
     */
    public String verify(Chart chart, Long expires, String issuer, String signature, Instant now) {
        if (expires == null || issuer == null || issuer.isBlank()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A chart link needs expires, by and signature");
        }
        byte[] expected = key.sign(query(chart, expires, issuer)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The chart link's signature does not match its parameters");
        }
        if (now.getEpochSecond() >= expires) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The chart link expired at " + Instant.ofEpochSecond(expires) + "; ask for a new one");
        }
        return issuer;
    }

    /** The signed part of a link, in a fixed order; absent parameters are left out. */
    private static String query(Chart chart, long expires, String issuer) {
        StringBuilder query = new StringBuilder("instrument=").append(chart.instrument().name());
        append(query, "from", chart.from());
        append(query, "to", chart.to());
        append(query, "track", chart.track());
        append(query, "expires", expires);
        append(query, "by", issuer);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, Object value) {
        if (value != null) {
            query.append('&').append(name).append('=').append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }
}
