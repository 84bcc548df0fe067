package care.iop.fhir;

import io.vertx.core.MultiMap;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Resource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;

/**
 * Search results as a {@code searchset} Bundle (R4 3.1.1.3): {@code total}, {@code self}, {@code first},
 * {@code previous} and {@code next} links that repeat the client's parameters at the public base with {@code _count}
 * and {@code _offset}, entries with {@code fullUrl} and {@code search.mode} ({@code match}, or {@code include} for
 * {@code _include}d resources).
 */
public final class SearchBundles {
    private SearchBundles() {
    }

    public static Bundle searchset(FhirRequest request, List<? extends Resource> matches, long total, int offset, int count,
                                   List<? extends Resource> included) {
        Bundle bundle = new Bundle().setType(BundleType.SEARCHSET).setTotal((int) Math.min(total, Integer.MAX_VALUE));
        String base = request.baseUrl() + "/" + request.relativePath();
        MultiMap parameters = request.queryParameters();
        bundle.addLink().setRelation("self").setUrl(link(base, parameters, offset, count));
        bundle.addLink().setRelation("first").setUrl(link(base, parameters, 0, count));
        if (offset > 0) {
            bundle.addLink().setRelation("previous").setUrl(link(base, parameters, Math.max(0, offset - count), count));
        }
        if (count > 0 && offset + count < total) {
            bundle.addLink().setRelation("next").setUrl(link(base, parameters, offset + count, count));
        }
        for (Resource match : matches) {
            bundle.addEntry().setFullUrl(request.fullUrl(match)).setResource(match).getSearch().setMode(SearchEntryMode.MATCH);
        }
        for (Resource include : included == null ? List.<Resource>of() : included) {
            bundle.addEntry().setFullUrl(request.fullUrl(include)).setResource(include).getSearch().setMode(SearchEntryMode.INCLUDE);
        }
        return bundle;
    }

    static String link(String base, MultiMap parameters, int offset, int count) {
        StringJoiner query = new StringJoiner("&");
        for (var entry : parameters.entries()) {
            if (!entry.getKey().equals("_offset") && !entry.getKey().equals("_count")) {
                query.add(encode(entry.getKey()) + "=" + encode(entry.getValue()));
            }
        }
        query.add("_count=" + count);
        query.add("_offset=" + offset);
        return base + "?" + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%7C", "|").replace("%2F", "/").replace("%3A", ":");
    }
}
