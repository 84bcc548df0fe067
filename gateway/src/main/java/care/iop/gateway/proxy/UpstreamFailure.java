package care.iop.gateway.proxy;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.impl.NoStackTraceTimeoutException;

import care.iop.problems.ProblemType;

/** Maps why an upstream call failed to what the client is told, without naming hosts, ports or exceptions. */
public final class UpstreamFailure {

    private UpstreamFailure() {
    }

    public static ProblemType type(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof ConnectException || e instanceof ConnectTimeoutException || e instanceof UnknownHostException
                    || e instanceof NoRouteToHostException) {
                return ProblemType.SERVICE_UNAVAILABLE;
            }
            if (e instanceof NoStackTraceTimeoutException || e instanceof TimeoutException) {
                return ProblemType.GATEWAY_TIMEOUT;
            }
        }
        return ProblemType.BAD_GATEWAY;
    }

    public static String detail(ProblemType type, String upstream) {
        return switch (type) {
            case SERVICE_UNAVAILABLE -> "The " + upstream + " service is not reachable right now; try again later.";
            case GATEWAY_TIMEOUT -> "The " + upstream + " service did not answer in time.";
            default -> "The " + upstream + " service failed to answer.";
        };
    }
}
