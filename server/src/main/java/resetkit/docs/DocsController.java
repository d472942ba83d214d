package resetkit.docs;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The API reference at /docs: Swagger UI from its webjar (packaged in the server jar, so the
 * docs work without internet access) showing /openapi.yaml. Only the few files the page needs
 * are served, by name; nothing else of the classpath is reachable.
 */
@Controller("/docs")
public class DocsController {
    private static final String OWN = "docs/";
    private static final MediaType CSS = MediaType.of("text/css");
    private static final MediaType JS = MediaType.of("text/javascript");

    private record Asset(String resource, MediaType type) {
    }

    private final Map<String, Asset> assets;

    DocsController() {
        String webjar = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
        this.assets = Map.of(
                "swagger-ui.css", new Asset(webjar + "swagger-ui.css", CSS),
                "swagger-ui-bundle.js", new Asset(webjar + "swagger-ui-bundle.js", JS),
                "favicon-32x32.png", new Asset(webjar + "favicon-32x32.png", MediaType.IMAGE_PNG_TYPE),
                "resetkit-docs.js", new Asset(OWN + "resetkit-docs.js", JS));
    }

    /** Served at /docs itself (every asset URL is absolute): the path normaliser drops a trailing slash anyway. */
    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<byte[]> index() {
        return resource(OWN + "index.html", MediaType.TEXT_HTML_TYPE).map(HttpResponse::ok)
                .orElseThrow(() -> new IllegalStateException("docs/index.html missing")).contentType(MediaType.TEXT_HTML_TYPE)
                .header("Cache-Control", "no-cache");
    }

    @Get("/{file}")
    public HttpResponse<byte[]> file(@PathVariable String file) {
        Asset asset = assets.get(file);
        Optional<byte[]> body = asset == null ? Optional.empty() : resource(asset.resource(), asset.type());
        return body.<HttpResponse<byte[]>>map(bytes -> HttpResponse.ok(bytes).contentType(asset.type())
                        .header("Cache-Control", "public, max-age=3600"))
                .orElseGet(HttpResponse::notFound);
    }

    private static Optional<byte[]> resource(String name, MediaType type) {
        try (InputStream in = DocsController.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " (" + type + ")", e);
        }
    }

    private static String swaggerUiVersion() {
        try (InputStream in = DocsController.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
