package care.iop.fhir;

import care.iop.platform.privacy.PrivacyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * The security labels of a disclosed 42 CFR Part 2 record (substance-use disorder treatment information), per the HL7
 * DS4P conventions: confidentiality {@code R} (restricted), sensitivity {@code ETH} (substance abuse information), the
 * policy {@code 42CFRPart2} and the refrain {@code NORDSCLCD} (no re-disclosure without consent), plus the
 * re-disclosure notice of 42 CFR 2.32 as an extension on {@code meta}. A record disclosed without consent is never
 * returned at all, so these labels only ever travel on records the patient consented to disclose.
 */
@ApplicationScoped
public class Part2Labels {
    public static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public static final String NOTICE_EXTENSION = "https://iop.care/fhir/StructureDefinition/part2-redisclosure-notice";

    @Inject
    PrivacyConfig privacy;

    public <R extends Resource> R apply(R resource) {
        var meta = resource.getMeta();
        add(meta, CONFIDENTIALITY, "R", "restricted");
        add(meta, ACT_CODE, "ETH", "substance abuse information sensitivity");
        add(meta, ACT_CODE, "42CFRPart2", "42 CFR Part2");
        add(meta, ACT_CODE, "NORDSCLCD", "no redisclosure without consent directive");
        if (meta.getExtensionByUrl(NOTICE_EXTENSION) == null) {
            meta.addExtension(NOTICE_EXTENSION, new StringType(privacy.notice()));
        }
        return resource;
    }

    public static boolean isLabelled(Resource resource) {
        return resource.getMeta().getSecurity(ACT_CODE, "42CFRPart2") != null;
    }

    private static void add(org.hl7.fhir.r4.model.Meta meta, String system, String code, String display) {
        if (meta.getSecurity(system, code) == null) {
            meta.addSecurity(new Coding(system, code, display));
        }
    }
}
