package resetkit.variant.tangerine;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Collapses repeated slashes in the request path before Micronaut sees it, as nginx's
 * {@code merge_slashes} does. Tangerine365 documents its endpoint as {@code //auth/lostPassword};
 * Micronaut would parse that request target with {@code java.net.URI}, which reads {@code //auth}
 * as a host, and find no route. Applies to every path; the query string is left as it is.
 */
@Singleton
public class RepeatedSlashes implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    static final String HANDLER_NAME = "resetkit-repeated-slashes";
    private static final Handler HANDLER = new Handler();

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        NettyServerCustomizer.Registry registry = event.getBean();
        registry.register(new Customizer(null));
        return registry;
    }

    /** The request target with each run of slashes in its path made one slash; other targets unchanged. */
    static String collapse(String target) {
        if (target == null || !target.startsWith("/") || !target.contains("//")) {
            return target;
        }
        int end = target.length();
        int query = target.indexOf('?');
        int fragment = target.indexOf('#');
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        return target.substring(0, end).replaceAll("/{2,}", "/") + target.substring(end);
    }

    private record Customizer(Channel channel) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Customizer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null
                    && channel.pipeline().get(HANDLER_NAME) == null) {
                channel.pipeline().addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, HANDLER_NAME, HANDLER);
            }
        }
    }

    @ChannelHandler.Sharable
    static final class Handler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                String collapsed = collapse(request.uri());
                if (!collapsed.equals(request.uri())) {
                    request.setUri(collapsed);
                }
            }
            ctx.fireChannelRead(msg);
        }
    }
}
