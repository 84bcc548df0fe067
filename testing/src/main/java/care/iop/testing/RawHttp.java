package care.iop.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests an HTTP client library will not send: an unencoded {@code |} in the
 * target, a bad percent-encoding, a request line or header block over a limit. Each request uses its own connection
 * (sent with {@code Connection: close}) from the given loopback address, so a test keeps a rate-limit bucket of its own.
 */
public final class RawHttp {
    private final String localAddress;
    private final int port;

    public RawHttp(String localAddress, int port) {
        this.localAddress = localAddress;
        this.port = port;
    }

    /** A received answer: status code, headers (names in lower case), body as text. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** {@code GET target} with the given extra header lines ("Name: value"), and Host and Connection: close. */
    public Answer get(String target, String... headerLines) throws IOException {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        return send(request.append("Connection: close\r\n\r\n").toString());
    }

    /** Sends {@code raw} as it is (ISO-8859-1) and reads the answer until the server closes or its body is complete. */
    public Answer send(String raw) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0;) {
                out.write(buffer, 0, n);
                if (complete(out.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // the server closed or stopped talking: parse what arrived
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String length = parse(text.substring(0, end + 2) + "\r\n").header("content-length");
        return length != null && text.length() - end - 4 >= Integer.parseInt(length.trim());
    }

    private static Answer parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("No complete HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Answer(status, headers, text.substring(end + 4));
    }
}
