package care.iop.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What one RS256 signature check (the JWT check every service does on every request) costs in a
 * JVM started with the devstack's flags ({@code -XX:TieredStopAtLevel=1}, C1 only) and with the
 * default tiered compiler (C2, whose BigInteger intrinsics RSA relies on). Run as a child process.
 */
public final class JwtVerifyCost {
    private JwtVerifyCost() {
    }

    /** In a child JVM: prints the microseconds per verification of the best of 4 rounds of 2 s. */
    public static void main(String[] args) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        byte[] data = new byte[600];
        new Random(1).nextBytes(data);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 4; round++) {
            long start = System.nanoTime();
            int n = 0;
            while (System.nanoTime() - start < 2_000_000_000L) {
                verifier.initVerify(pair.getPublic());
                verifier.update(data);
                if (!verifier.verify(signature)) {
                    throw new IllegalStateException("signature not verified");
                }
                n++;
            }
            best = Math.min(best, (System.nanoTime() - start) / 1000.0 / n);
        }
        System.out.println(String.format(Locale.ROOT, "%.1f", best));
    }

    /** Microseconds per RS256 verification in a JVM started with these extra flags. */
    public static double measure(List<String> flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JwtVerifyCost.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("JwtVerifyCost failed: " + out);
        }
        String[] lines = out.split("\\R");
        return Double.parseDouble(lines[lines.length - 1]);
    }
}
