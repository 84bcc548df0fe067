package care.iop.gateway.edge;

/**
 * Who sent a request, as far as the gateway can tell: the client's address, the scheme and the host it
 * used. The peer of the connection, unless that peer is a trusted proxy (see {@link ClientResolver}).
 */
public record Client(String address, String scheme, String host) {
}
