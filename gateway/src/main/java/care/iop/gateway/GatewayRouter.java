package care.iop.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import care.iop.gateway.audit.AuditMerge;
import care.iop.gateway.audit.AuditVerifyMerge;
import care.iop.gateway.edge.Authentication;
import care.iop.gateway.edge.EdgeGuard;
import care.iop.gateway.edge.RateLimiter;
import care.iop.gateway.edge.RequestIds;
import care.iop.gateway.edge.UriTemplates;
import care.iop.gateway.fhir.FhirRouter;
import care.iop.gateway.openapi.AsyncApiDocument;
import care.iop.gateway.openapi.OpenApiDocument;
import care.iop.gateway.openapi.SwaggerUi;
import care.iop.problems.ProblemType;
import care.iop.gateway.problem.Problems;
import care.iop.gateway.proxy.ProxyHandler;
import care.iop.gateway.worklist.WorklistMerge;

/**
 * The gateway's request pipeline. Every request gets an {@code X-Request-Id}, has its target and header size
 * checked (414, 431, 400 problem+json; {@link EdgeGuard}), gets a bounded metrics name, and is rate-limited per
 * client (429). Under {@code /api/}: body limit (413) → token verification →
 * rate limit → token required (401) → the gateway's own audit and worklist endpoints, the services' worklist faces, or the
 * upstream for the prefix →
 * 404 for anything else. Under {@code /fhir/}: the same edge, then the FHIR front door ({@link FhirRouter}). Public (rate-limited by client address): {@code /q/health*}, {@code /q/metrics},
 * {@code /q/openapi}, {@code /q/asyncapi}, {@code /q/swagger-ui}.
 */
@ApplicationScoped
public class GatewayRouter {
    private static final String API = "/api/*";

    @Inject
    GatewayConfig config;

    @Inject
    Authentication authentication;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    ProxyHandler proxy;

    @Inject
    AuditMerge audit;

    @Inject
    AuditVerifyMerge auditVerify;

    @Inject
    WorklistMerge worklist;

    @Inject
    OpenApiDocument openApi;

    @Inject
    SwaggerUi swaggerUi;

    @Inject
    AsyncApiDocument asyncApi;

    @Inject
    FhirRouter fhir;

    void register(@Observes Router router) {
        Routes.upstreamNames().forEach(config::upstream); // fail at startup when an upstream URL is missing

        router.route().order(-100).handler(RequestIds::assign);
        router.route().order(-99).handler(new EdgeGuard(config)::check);
        router.route().order(-95).handler(UriTemplates::assign);

        router.route(API).order(-90)
                .handler(BodyHandler.create(false).setBodyLimit(config.maxBodySize().asLongValue()).setHandleFileUploads(false))
                .failureHandler(Problems::onFailure);
        router.route(API).order(-80).handler(authentication::identify);
        // every path, /q/* included: by token subject under /api/ when there is a valid token, else by client address
        router.route().order(-70).handler(rateLimiter::limit);
        router.route(API).order(-60).handler(authentication::require);

        router.route(AuditMerge.PATH).method(HttpMethod.GET).handler(audit::handle);
        router.route(AuditMerge.PATH).handler(ctx -> Problems.send(ctx, ProblemType.METHOD_NOT_ALLOWED, "Only GET is supported here."));
        router.route(AuditVerifyMerge.PATH).method(HttpMethod.GET).handler(auditVerify::handle);
        router.route(AuditVerifyMerge.PATH).handler(ctx -> Problems.send(ctx, ProblemType.METHOD_NOT_ALLOWED, "Only GET is supported here."));
        Routes.NESTED.forEach((path, upstream) -> router.route(path).handler(ctx -> proxy.forward(ctx, path, upstream)));
        router.route(WorklistMerge.ME).method(HttpMethod.GET).handler(worklist::me);
        router.route(WorklistMerge.CLINICIAN).method(HttpMethod.GET).handler(worklist::clinician);
        router.route(WorklistMerge.ME).handler(ctx -> Problems.send(ctx, ProblemType.METHOD_NOT_ALLOWED, "Only GET is supported here."));
        router.route(WorklistMerge.CLINICIAN).handler(ctx -> Problems.send(ctx, ProblemType.METHOD_NOT_ALLOWED, "Only GET is supported here."));
        router.route(WorklistMerge.ITEMS).handler(ctx -> {
            String upstream = Routes.WORKLIST_ITEMS.get(ctx.pathParam("items"));
            if (upstream == null) {
                ctx.next();
            } else {
                proxy.forward(ctx, Routes.WORKLISTS, upstream);
            }
        });
        Routes.PREFIXES.forEach((prefix, upstream) -> {
            router.route(prefix).handler(ctx -> proxy.forward(ctx, prefix, upstream));
            router.route(prefix + "/*").handler(ctx -> proxy.forward(ctx, prefix, upstream));
        });
        router.route(API).order(10_000).handler(ctx -> Problems.send(ctx, ProblemType.NOT_FOUND, "No API at " + ctx.request().path() + "."));
        router.route(API).order(10_001).failureHandler(Problems::onFailure);
        fhir.register(router); // /fhir/R4 and /.well-known/smart-configuration (docs/fhir.md): the same edge, OperationOutcome errors

        router.route("/q/openapi").method(HttpMethod.GET).handler(openApi::handle);
        router.route(AsyncApiDocument.PATH).method(HttpMethod.GET).handler(asyncApi::handle);
        router.route(SwaggerUi.PATH).method(HttpMethod.GET).handler(swaggerUi::handle);
        router.route(SwaggerUi.PATH + "/*").method(HttpMethod.GET).handler(swaggerUi::handle);
    }
}
