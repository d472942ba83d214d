package resetkit.mail;

import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.util.Locale;
import java.util.Map;

/**
 * Renders mail templates with Thymeleaf: HTML mode escapes every value it inserts, text mode
 * writes them as they are (a text part has nothing to escape). Sources are cached by content,
 * so an edited override file is picked up on the next mail.
 */
@Singleton
public class MailRenderer {
    private final TemplateEngine html = engine(TemplateMode.HTML);
    private final TemplateEngine text = engine(TemplateMode.TEXT);

    public String html(String source, Locale locale, Map<String, Object> values) {
        return html.process(source, new Context(locale, values));
    }

    public String text(String source, Locale locale, Map<String, Object> values) {
        return text.process(source, new Context(locale, values));
    }

    private static TemplateEngine engine(TemplateMode mode) {
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(mode);
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
