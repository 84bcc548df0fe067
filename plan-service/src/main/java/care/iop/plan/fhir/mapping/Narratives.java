package care.iop.plan.fhir.mapping;

import java.util.List;

import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * The human-readable summary every resource carries ({@code text}, status generated): a few lines made from the same
 * fields the resource holds, never more than the caller may see (they are built from the mapped values only).
 */
public final class Narratives {
    private Narratives() {
    }

    /** A {@code div} with one paragraph per line (null and blank lines left out), the text escaped by the XHTML model. */
    public static Narrative generated(List<String> lines) {
        XhtmlNode div = new XhtmlNode(org.hl7.fhir.utilities.xhtml.NodeType.Element, "div");
        div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
        lines.stream().filter(line -> line != null && !line.isBlank()).forEach(line -> div.addTag("p").addText(line));
        Narrative narrative = new Narrative();
        narrative.setStatus(Narrative.NarrativeStatus.GENERATED);
        narrative.setDiv(div);
        return narrative;
    }
}
