package resetkit.reset;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import resetkit.account.Tenant;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Chooses the base URL a reset mail links to and builds the link. A requested URL must lie under
 * one of the tenant's allowed URLs (same scheme, host and port; same path or a sub-path), so a
 * caller cannot make resetkit mail a link to somewhere else.
 */
@Singleton
public class ResetLinks {
    private final PublicSettings publicSettings;

    ResetLinks(PublicSettings publicSettings) {
        this.publicSettings = publicSettings;
    }

    public String baseFor(Tenant tenant, @Nullable String requested) {
        if (requested == null || requested.isBlank()) {
            return tenant.redirectUrls().isEmpty() ? hostedPage() : tenant.redirectUrls().get(0);
        }
        URI candidate = parse(requested.trim());
        if (candidate == null) {
            throw new RedirectNotAllowed();
        }
        for (String allowed : tenant.redirectUrls()) {
            URI base = parse(allowed);
            if (base != null && liesUnder(candidate, base)) {
                return candidate.toString();
            }
        }
        throw new RedirectNotAllowed();
    }

    public String hostedPage() {
        String url = publicSettings.getUrl();
        return (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/reset";
    }

    public String link(String base, String token) {
        return base + (base.contains("?") ? "&" : "?") + "token=" + token;
    }

    private static boolean liesUnder(URI candidate, URI base) {
        if (!candidate.getScheme().equalsIgnoreCase(base.getScheme())
                || !candidate.getHost().equalsIgnoreCase(base.getHost())
                || port(candidate) != port(base)) {
            return false;
        }
        String basePath = pathOf(base);
        String path = pathOf(candidate);
        if (path.equals(basePath)) {
            return true;
        }
        String prefix = basePath.endsWith("/") ? basePath : basePath + "/";
        return path.startsWith(prefix);
    }

    private static String pathOf(URI uri) {
        String path = uri.getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Only absolute http(s) URLs without user info or fragment, normalised (no "/../" tricks). */
    @Nullable
    private static URI parse(String value) {
        try {
            URI uri = new URI(value).normalize();
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                    || uri.getPath() != null && uri.getPath().contains("..")) {
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
