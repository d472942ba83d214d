package resetkit.sdk;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.testing.IntegrationTest;
import resetkit.testing.Mailbox;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's Java example, taken from README.md as it is, compiled against the client and run against the server. */
@MicronautTest(transactional = false)
class ReadmeExampleTest extends IntegrationTest {

    @Test
    void theReadmeExampleCompilesAndResetsAPassword() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("```java\\n(.*?public class ResetExample.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "README.md has the Java example");
        Path dir = Files.createTempDirectory("readme-example");
        Path source = dir.resolve("ResetExample.java");
        Files.writeString(source, block.group(1));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int result = javac.run(null, null, errors, "-classpath", System.getProperty("java.class.path"), "-d", dir.toString(), source.toString());
        assertEquals(0, result, errors.toString(StandardCharsets.UTF_8));

        TestTenant t = newTenant("readme@example.com", "the old password 1");
        Supplier<String> codeFromTheMail = () -> {
            try {
                return Mailbox.code(mailbox.awaitMessage(t.email(), 1, Duration.ofSeconds(10)));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, getClass().getClassLoader())) {
            Method resetPassword = loader.loadClass("ResetExample").getMethod("resetPassword",
                    String.class, String.class, String.class, Supplier.class, String.class);
            Object accountId = resetPassword.invoke(null, server.getURL().toString(), t.apiKey(), t.email(), codeFromTheMail,
                    "the password from the readme");
            assertEquals(t.accountId(), accountId);
        }
    }
}
