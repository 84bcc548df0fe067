package care.iop.plan.outcomes;

import static care.iop.plan.outcomes.OutcomeFixtures.CLINICIAN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The chart is well-formed SVG with every bucket, the mean-change bars and the CI error bars. */
@QuarkusTest
class ModalityChartTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void chartIsWellFormedSvgWithEachBucketAndItsInterval() throws Exception {
        ModalityCohort cohort = ModalityCohort.shared(bootstrap, ds);
        byte[] body = given().header("Authorization", CLINICIAN).accept("text/html,image/svg+xml,*/*;q=0.8")
                .queryParam("instrument", "PHQ9").queryParam("track", cohort.track)
                .queryParam("from", ModalityCohort.FROM).queryParam("to", ModalityCohort.TO)
                .when().get("/api/v1/outcomes/modality-comparison/chart").then().statusCode(200)
                .contentType("image/svg+xml").extract().asByteArray();

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document svg = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");

        List<String> bucketIds = new ArrayList<>();
        NodeList groups = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if ("bucket".equals(g.getAttribute("class"))) {
                bucketIds.add(g.getAttribute("id"));
            }
        }
        assertThat(bucketIds).containsExactly("MOSTLY_INDIVIDUAL", "MIXED", "MOSTLY_GROUP");

        String text = new String(body, StandardCharsets.UTF_8);
        Element individual = byId(groups, "MOSTLY_INDIVIDUAL");
        Element mixed = byId(groups, "MIXED");
        Element group = byId(groups, "MOSTLY_GROUP");
        assertThat(individual.getElementsByTagNameNS("*", "rect").getLength()).isEqualTo(1);
        assertThat(group.getElementsByTagNameNS("*", "rect").getLength()).isEqualTo(1);
        assertThat(mixed.getElementsByTagNameNS("*", "rect").getLength()).isZero();
        assertThat(mixed.getTextContent()).contains("suppressed");
        // Error bars: one vertical line and two caps per shown bucket.
        assertThat(group.getElementsByTagNameNS("*", "line").getLength()).isEqualTo(3);
        assertThat(group.getTextContent()).contains("n = 15", "-6.00", "[-7.62, -4.38]");
        assertThat(individual.getTextContent()).contains("n = 15", "-2.00", "[-3.62, -0.38]");
        assertThat(text).contains("PHQ-9");
    }

    @Test
    void chartNeedsStaffRole() {
        given().header("Authorization", care.iop.testing.TestTokens.bearer("scheduler"))
                .when().get("/api/v1/outcomes/modality-comparison/chart").then().statusCode(403);
    }

    private static Element byId(NodeList groups, String id) {
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (id.equals(g.getAttribute("id"))) {
                return g;
            }
        }
        throw new AssertionError("no group " + id);
    }
}
