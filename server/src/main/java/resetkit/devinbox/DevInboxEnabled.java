package resetkit.devinbox;

import io.micronaut.context.annotation.Requires;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The dev inbox exists only while mails go to the drop folder (no SMTP host) and it was switched
 * on with resetkit.dev-inbox.enabled (the demo environment does); never in production.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
@Requires(missingProperty = "resetkit.smtp.host")
@Requires(property = "resetkit.dev-inbox.enabled", value = "true")
public @interface DevInboxEnabled {
}
