import { getFragmentData, graphql, type FragmentType } from '../gql';
import type { PolicyResult } from '../gql/graphql';

export const PolicyBadge_offer = graphql(`
  fragment PolicyBadge_offer on FlightOffer {
    policyStatus {
      result
      outcomes {
        ruleId
        triggered
        message
      }
    }
  }
`);

const LABELS: Record<PolicyResult, string> = {
  COMPLIANT: 'In policy',
  SOFT_WARNING: 'Needs approval',
  HARD_STOP: 'Not allowed',
};

/** How the caller's travel policy judges a search offer; the triggered rules' messages are its tooltip. */
export function PolicyBadge(props: { offer: FragmentType<typeof PolicyBadge_offer> }) {
  const { policyStatus } = getFragmentData(PolicyBadge_offer, props.offer);
  const why = policyStatus.outcomes.filter((o) => o.triggered).map((o) => o.message);
  return (
    <span className={`badge policy-${policyStatus.result.toLowerCase()}`} title={why.join('\n') || undefined}>
      {LABELS[policyStatus.result]}
    </span>
  );
}
