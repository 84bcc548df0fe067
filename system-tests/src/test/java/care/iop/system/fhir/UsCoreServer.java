package care.iop.system.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.utilities.npm.NpmPackage;

import ca.uhn.fhir.context.FhirContext;

/**
 * What {@code CapabilityStatement-us-core-server} of US Core 6.1 requires (SHALL) of a server for each resource type, and
 * what a server's CapabilityStatement leaves out of it: the SHALL interactions, the SHALL search parameters and every
 * parameter of the SHALL search combinations, for the types the server serves. The package is
 * {@code ../shared/fhir/hl7.fhir.us.core-6.1.0.tgz} beside the checkout (not in a fresh clone).
 */
public final class UsCoreServer {
    static final String PACKAGE_FILE = "hl7.fhir.us.core-6.1.0.tgz";
    static final String PACKAGE = "../shared/fhir/" + PACKAGE_FILE;
    private static final String EXPECTATION = "http://hl7.org/fhir/StructureDefinition/capabilitystatement-expectation";
    private static final String COMBINATION = "http://hl7.org/fhir/StructureDefinition/capabilitystatement-search-parameter-combination";

    private UsCoreServer() {
    }

    /**
     * The package file, found as testing's {@code FhirValidation} finds it (system-tests does not depend on the testing
     * module, which brings Quarkus' JUnit extension): the system property {@code iop.fhir.us-core-package}, else
     * {@code shared/fhir/} beside the project root ({@code iop.home}) or any of its ancestors.
     */
    public static Optional<Path> packageFile() {
        String configured = System.getProperty("iop.fhir.us-core-package");
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        for (Path dir = Path.of(System.getProperty("iop.home", "..")).toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fhir/" + PACKAGE_FILE);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** US Core's server CapabilityStatement, read from the package. */
    public static CapabilityStatement statement(FhirContext fhir, Path packageFile) throws IOException {
        try (InputStream in = Files.newInputStream(packageFile)) {
            NpmPackage npm = NpmPackage.fromPackage(in);
            try (InputStream json = npm.load("package", "CapabilityStatement-us-core-server.json")) {
                return fhir.newJsonParser().parseResource(CapabilityStatement.class, json);
            }
        }
    }

    /**
     * Every SHALL of {@code usCore} that {@code server} does not declare, for the types of {@code usCore} that
     * {@code server} serves, e.g. {@code "Patient: search parameter identifier"}; empty when it declares them all.
     */
    public static List<String> missing(CapabilityStatement usCore, CapabilityStatement server) {
        List<String> missing = new ArrayList<>();
        for (CapabilityStatementRestResourceComponent required : usCore.getRestFirstRep().getResource()) {
            Optional<CapabilityStatementRestResourceComponent> served = server.getRestFirstRep().getResource().stream()
                    .filter(resource -> resource.getType().equals(required.getType())).findFirst();
            if (served.isEmpty()) {
                continue;
            }
            String type = required.getType();
            Set<String> interactions = served.get().getInteraction().stream().map(i -> i.getCode().toCode()).collect(Collectors.toSet());
            Set<String> params = served.get().getSearchParam().stream().map(p -> p.getName()).collect(Collectors.toSet());
            required.getInteraction().stream().filter(UsCoreServer::shall).map(i -> i.getCode().toCode())
                    .filter(code -> !interactions.contains(code)).forEach(code -> missing.add(type + ": interaction " + code));
            required.getSearchParam().stream().filter(UsCoreServer::shall).map(p -> p.getName())
                    .filter(name -> !params.contains(name)).forEach(name -> missing.add(type + ": search parameter " + name));
            for (Extension combination : required.getExtensionsByUrl(COMBINATION)) {
                if (shall(combination)) {
                    List<String> names = combination.getExtensionsByUrl("required").stream().map(e -> e.getValue().primitiveValue()).toList();
                    if (!params.containsAll(names)) {
                        missing.add(type + ": search combination " + String.join("+", names));
                    }
                }
            }
        }
        return missing;
    }

    /** The types US Core's server statement covers. */
    public static Collection<String> types(CapabilityStatement usCore) {
        return usCore.getRestFirstRep().getResource().stream().map(CapabilityStatementRestResourceComponent::getType).toList();
    }

    private static boolean shall(Element element) {
        return element.getExtensionsByUrl(EXPECTATION).stream().anyMatch(e -> "SHALL".equals(e.getValue().primitiveValue()));
    }
}
