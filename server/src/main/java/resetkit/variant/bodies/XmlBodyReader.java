package resetkit.variant.bodies;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;

/**
 * Binds an {@code application/xml} body to one dialect model with a hardened StAX parser: DTD
 * support and external entities are off, any entity resolution attempt fails, and a document
 * that carries a DOCTYPE is refused as soon as the parser reaches it, before the root element is
 * read (so no entity of it is ever expanded or fetched: no XXE, no entity bombs). The root
 * element's name is not checked; its children are the model's properties.
 * Subclasses are beans annotated {@code @Consumes(MediaType.APPLICATION_XML)}.
 */
public abstract class XmlBodyReader<T> implements MessageBodyReader<T> {
    private static final XMLInputFactory FACTORY = hardenedFactory();
    private static final XmlMapper MAPPER = XmlMapper.builder(new XmlFactory(FACTORY))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Class<T> type;

    protected XmlBodyReader(Class<T> type) {
        this.type = type;
    }

    static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not resolved");
        });
        return factory;
    }

    @Override
    public boolean isReadable(Argument<T> argument, MediaType mediaType) {
        return argument.getType() == type && mediaType != null && MediaType.APPLICATION_XML_TYPE.matches(mediaType);
    }

    @Override
    public T read(Argument<T> argument, MediaType mediaType, Headers headers, InputStream input) throws CodecException {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(input);
            while (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
                if (!reader.hasNext()) {
                    throw BodyRefused.malformed("The request body holds no XML element.");
                }
                int event = reader.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_DECLARATION
                        || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw BodyRefused.malformed("XML with a DOCTYPE or entity declarations is not accepted.");
                }
            }
            return MAPPER.readValue(reader, type);
        } catch (XMLStreamException | JacksonException e) {
            throw BodyRefused.malformed("The request body is not well-formed XML for this operation.");
        } catch (java.io.IOException e) {
            throw BodyRefused.malformed("The request body could not be read.");
        } finally {
            close(reader);
        }
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was held open beyond the request body
            }
        }
    }
}
