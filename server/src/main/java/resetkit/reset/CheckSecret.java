package resetkit.reset;

import jakarta.inject.Singleton;
import resetkit.audit.AuditLog;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Step 3. Resolves a token, or a flow id with its code, to an open and unexpired flow. A wrong
 * code is counted at once (committed on its own), and the flow locks at the configured maximum.
 */
@Singleton
public class CheckSecret {
    private final ResetFlowRepository flows;
    private final SecretDigester digester;
    private final ResetSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    CheckSecret(ResetFlowRepository flows, SecretDigester digester, ResetSettings settings, AuditLog audit, Clock clock) {
        this.flows = flows;
        this.digester = digester;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public ResetFlow openFlow(SecretProof proof) {
        Optional<ResetFlow> found;
        if (proof.hasToken()) {
            found = flowOfToken(proof.token());
        } else if (proof.hasCode() || proof.hasConfirmedHandle()) {
            found = flows.findById(proof.flowId());
        } else {
            throw new ResetSecretRejected(RejectionReason.MISSING);
        }
        ResetFlow flow = found.orElseThrow(() -> new ResetSecretRejected(RejectionReason.UNKNOWN));
        Instant now = clock.instant();
        switch (flow.status()) {
            case USED -> throw new ResetSecretRejected(RejectionReason.USED, flow);
            case REVOKED -> throw new ResetSecretRejected(RejectionReason.REVOKED, flow);
            case LOCKED -> throw new ResetSecretRejected(RejectionReason.LOCKED, flow);
            case OPEN -> {
                if (flow.expiredAt(now)) {
                    throw new ResetSecretRejected(RejectionReason.EXPIRED, flow);
                }
            }
        }
        if (proof.hasConfirmedHandle() && !proof.hasCode()) {
            if (!flow.codeConfirmed()) {
                throw new ResetSecretRejected(RejectionReason.UNCONFIRMED, flow);
            }
            return flow;
        }
        if (!proof.hasToken() && !digester.codeMatches(flow.id(), proof.code(), flow.codeDigest())) {
            flows.recordWrongCode(flow.id(), settings.getMaxCodeAttempts());
            if (flow.failedAttempts() + 1 >= settings.getMaxCodeAttempts()) {
                audit.record(flow.tenantId(), AuditLog.RESET_LOCKED, flow.id(), flow.accountId(), "too many wrong codes");
            }
            throw new ResetSecretRejected(RejectionReason.WRONG_CODE, flow);
        }
        return flow;
    }

    private Optional<ResetFlow> flowOfToken(String token) {
        Optional<String> named = LinkTokens.flowIdOf(token);
        if (named.isPresent()) {
            return flows.findById(named.get()).filter(flow -> digester.tokenMatches(token, flow.tokenDigest()));
        }
        return flows.findByLegacyTokenDigestIn(digester.tokenDigestCandidates(token));
    }
}
