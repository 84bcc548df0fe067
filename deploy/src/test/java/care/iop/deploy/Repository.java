package care.iop.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths inside the repository under test (the parent of the deploy module). */
final class Repository {
    private Repository() {
    }

    static Path root() {
        String configured = System.getProperty("iop.repository.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        root = root.toAbsolutePath().normalize();
        if (!Files.exists(root.resolve("docker-compose.yml"))) {
            throw new IllegalStateException("Not the repository root (no docker-compose.yml): " + root);
        }
        return root;
    }

    static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
