package io.harbormaster.sandbox.sso;

import io.harbormaster.sandbox.core.Edge;
import io.harbormaster.sandbox.core.SandboxRequest;
import io.harbormaster.sandbox.core.SandboxResponse;
import io.harbormaster.sandbox.core.ServiceHandler;
import io.harbormaster.sandbox.core.World;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The device-approval page Identity Center shows at the verification address, on the sandbox's loopback endpoint:
 * GET shows the user code and who may approve it; POST ({@code user_code}, {@code user}, {@code decision} =
 * approve|deny, form-encoded) approves or denies as that user, as a signed-in user clicking Allow or Deny would.
 */
final class ApprovalPage implements ServiceHandler {

    static final String PATH = "/_sandbox/sso/device";

    private final World world;
    private final Edge edge;
    private final IdentityCenter center;

    ApprovalPage(World world, Edge edge, IdentityCenter center) {
        this.world = world;
        this.edge = edge;
        this.center = center;
    }

    @Override
    public String name() {
        return "sso-approval-page";
    }

    @Override
    public boolean accepts(SandboxRequest r) {
        return PATH.equals(r.path());
    }

    @Override
    public SandboxResponse handle(SandboxRequest r) {
        String id = edge.requestIds().next();
        if ("GET".equals(r.method())) {
            String code = RestJson.query(r).getOrDefault("user_code", "");
            return html(200, id, page(code));
        }
        if (!"POST".equals(r.method())) {
            return html(405, id, "<p>Method not allowed</p>");
        }
        Map<String, String> form = form(r.bodyText());
        String user = form.getOrDefault("user", "");
        String decision = form.getOrDefault("decision", "");
        return world.locked(() -> {
            IdentityCenter.DeviceAuthorization d = center.byUserCode(form.get("user_code"));
            if (d == null || d.approval != IdentityCenter.Approval.PENDING || !center.now().isBefore(d.expiresAt)) {
                return html(404, id, "<h1>Code not found</h1><p>This code is unknown, already used or expired.</p>");
            }
            if (!center.isUser(user) || !("approve".equals(decision) || "deny".equals(decision))) {
                return html(400, id, "<h1>Bad request</h1><p>Say who you are (user) and approve or deny.</p>");
            }
            d.user = user;
            d.approval = "approve".equals(decision) ? IdentityCenter.Approval.APPROVED : IdentityCenter.Approval.DENIED;
            return html(200, id, "approve".equals(decision)
                    ? "<h1>Request approved</h1><p>" + escape(user) + ", you can close this window.</p>"
                    : "<h1>Request denied</h1><p>The application will not be signed in.</p>");
        });
    }

    private static String page(String code) {
        return "<h1>Authorize request</h1><p>Confirm this code matches the one the application shows:</p>"
                + "<p style=\"font-size:2em;font-family:monospace\" id=\"user-code\">" + escape(code) + "</p>"
                + "<form method=\"post\" action=\"" + PATH + "\"><input type=\"hidden\" name=\"user_code\" value=\""
                + escape(code) + "\"><label>Signed in as <select name=\"user\"><option>alice</option><option>bob</option>"
                + "<option>carol</option></select></label> <button name=\"decision\" value=\"approve\">Allow access</button>"
                + " <button name=\"decision\" value=\"deny\">Deny access</button></form>";
    }

    private static SandboxResponse html(int status, String id, String body) {
        return SandboxResponse.text(status, "text/html; charset=utf-8", id,
                "<!doctype html><html><head><title>AWS access portal (sandbox)</title></head><body>" + body + "</body></html>");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
