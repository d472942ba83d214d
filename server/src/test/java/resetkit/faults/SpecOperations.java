package resetkit.faults;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every operation of the OpenAPI document, as the fuzz test needs it (refs resolved). */
final class SpecOperations {
    static final String RESOURCE = "openapi/resetkit.yaml";

    record SpecOperation(String path, PathItem.HttpMethod method, Operation operation, Map<String, Schema<?>> bodies,
                         List<Parameter> queryParameters, String tag, boolean secured) {
        String id() {
            return method + " " + path;
        }
    }

    private SpecOperations() {
    }

    static String document() throws IOException {
        try (InputStream in = SpecOperations.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<SpecOperation> read(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            throw new IllegalStateException("unreadable OpenAPI document: " + result.getMessages());
        }
        List<SpecOperation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Map<String, Schema<?>> bodies = new LinkedHashMap<>();
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().forEach((type, media) -> bodies.put(type, media.getSchema()));
            }
            List<Parameter> query = new ArrayList<>();
            List<Parameter> all = new ArrayList<>();
            if (item.getParameters() != null) {
                all.addAll(item.getParameters());
            }
            if (operation.getParameters() != null) {
                all.addAll(operation.getParameters());
            }
            all.stream().filter(p -> "query".equals(p.getIn())).forEach(query::add);
            List<io.swagger.v3.oas.models.security.SecurityRequirement> security =
                    operation.getSecurity() != null ? operation.getSecurity() : api.getSecurity();
            boolean secured = security != null && security.stream().anyMatch(r -> !r.isEmpty());
            String tag = operation.getTags() == null || operation.getTags().isEmpty() ? "" : operation.getTags().get(0);
            operations.add(new SpecOperation(path, method, operation, bodies, query, tag, secured));
        }));
        return operations;
    }
}
