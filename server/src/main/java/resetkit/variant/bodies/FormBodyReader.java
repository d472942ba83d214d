package resetkit.variant.bodies;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Binds an {@code application/x-www-form-urlencoded} body to one dialect model: each field
 * becomes a string property, a field given twice is refused (which one would count?), and the
 * model is built by the same Jackson mapper as its JSON form, so both bind alike.
 * A dialect whose own samples post JSON under the form content type can ask for such a body
 * (it starts with {@code {}, which no form field does) to be read as the JSON it is.
 * Subclasses are beans annotated {@code @Consumes(MediaType.APPLICATION_FORM_URLENCODED)}.
 */
public abstract class FormBodyReader<T> implements MessageBodyReader<T> {
    private final Class<T> type;
    private final ObjectMapper mapper;
    private final boolean jsonInside;

    protected FormBodyReader(Class<T> type, ObjectMapper mapper, boolean jsonInside) {
        this.type = type;
        this.mapper = mapper;
        this.jsonInside = jsonInside;
    }

    @Override
    public boolean isReadable(Argument<T> argument, MediaType mediaType) {
        return argument.getType() == type && mediaType != null && MediaType.APPLICATION_FORM_URLENCODED_TYPE.matches(mediaType);
    }

    @Override
    public T read(Argument<T> argument, MediaType mediaType, Headers headers, InputStream input) throws CodecException {
        Charset charset = mediaType == null ? StandardCharsets.UTF_8 : mediaType.getCharset().orElse(StandardCharsets.UTF_8);
        String body;
        try {
            body = new String(input.readAllBytes(), charset);
        } catch (IOException e) {
            throw BodyRefused.malformed("The request body could not be read.");
        }
        try {
            if (jsonInside && body.stripLeading().startsWith("{")) {
                return mapper.readValue(body, type);
            }
            return mapper.treeToValue(fields(body), type);
        } catch (JacksonException e) {
            throw BodyRefused.malformed("The request body could not be read.");
        }
    }

    private ObjectNode fields(String body) {
        ObjectNode fields = mapper.createObjectNode();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (fields.has(name)) {
                throw BodyRefused.field(name, "must be given once");
            }
            fields.put(name, value);
        }
        return fields;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw BodyRefused.malformed("The form body has a broken percent-encoding.");
        }
    }
}
