import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../gql';
import { formatMoney } from '../format';
import { Empty, Failure, Loading, UserErrors } from '../ui/Status';

const ApprovalQueueQuery = graphql(`
  query ApprovalQueue($after: String) {
    myApprovalQueue(first: 20, after: $after) {
      totalCount
      edges {
        node {
          id
          reason
          requestedAt
          amount {
            amount
            currency
          }
          traveler {
            id
            name
          }
          booking {
            id
            tripPurpose
            segments {
              id
              description
            }
          }
          currentStep {
            kind
            dueAt
            overdue
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const ApprovalUpdatedSubscription = graphql(`
  subscription ApprovalUpdated {
    approvalUpdated {
      id
      status
    }
  }
`);

const ApproveMutation = graphql(`
  mutation ApproveRequest($input: DecideApprovalInput!) {
    approveApprovalRequest(input: $input) {
      request {
        id
        status
      }
      errors {
        code
        message
      }
    }
  }
`);

const RejectMutation = graphql(`
  mutation RejectRequest($input: DecideApprovalInput!) {
    rejectApprovalRequest(input: $input) {
      request {
        id
        status
      }
      errors {
        code
        message
      }
    }
  }
`);

/** The approver's inbox: requests waiting for their decision, nearest deadline first, refreshed when one changes. */
export function ApprovalsPage() {
  const { data, error, loading, refetch } = useQuery(ApprovalQueueQuery, { fetchPolicy: 'cache-and-network' });
  const updates = useSubscription(ApprovalUpdatedSubscription);
  const [approve, approved] = useMutation(ApproveMutation);
  const [reject, rejected] = useMutation(RejectMutation);
  const [comments, setComments] = useState<Record<string, string>>({});

  useEffect(() => {
    if (updates.data) void refetch();
  }, [updates.data, refetch]);

  if (!data) return <main className="page">{loading ? <Loading what="approvals" /> : <Failure what="approvals" error={error ?? { message: 'no answer' }} retry={refetch} />}</main>;
  const queue = data.myApprovalQueue;
  const errors = [...(approved.data?.approveApprovalRequest.errors ?? []), ...(rejected.data?.rejectApprovalRequest.errors ?? [])];
  const busy = approved.loading || rejected.loading;

  return (
    <main className="page">
      <h1>Approvals ({queue.totalCount})</h1>
      <UserErrors errors={errors} />
      {queue.edges.length === 0 ? (
        <Empty>Nothing waits for your decision.</Empty>
      ) : (
        <ol className="trip-list" aria-label="Waiting for you">
          {queue.edges.map(({ node }) => {
            const comment = comments[node.id] ?? '';
            const input = { requestId: node.id, comment: comment.trim() || null };
            const decide = (verdict: 'approve' | 'reject') =>
              void (verdict === 'approve' ? approve({ variables: { input } }) : reject({ variables: { input } })).then(() => refetch());
            return (
              <li key={node.id} className="card" aria-label={`Request from ${node.traveler.name}`}>
                <div className="trip-head">
                  <Link to={`/trips/${node.booking.id}`}>
                    {node.traveler.name}: {node.booking.tripPurpose ?? node.booking.segments.map((s) => s.description).join(' · ')}
                  </Link>
                  <strong>{formatMoney(node.amount)}</strong>
                </div>
                <p className="small">“{node.reason}”</p>
                {node.currentStep?.dueAt && (
                  <p className={node.currentStep.overdue ? 'small warn' : 'small muted'}>
                    {node.currentStep.kind.toLowerCase().replace('_', ' ')} step, due {new Date(node.currentStep.dueAt).toLocaleString()}
                    {node.currentStep.overdue ? ' (overdue)' : ''}
                  </p>
                )}
                <div className="decide">
                  <input aria-label="Comment" placeholder="Comment (needed to reject)" value={comment} onChange={(e) => setComments({ ...comments, [node.id]: e.target.value })} />
                  <button type="button" className="primary" disabled={busy} onClick={() => decide('approve')}>
                    Approve
                  </button>
                  <button type="button" disabled={busy || !comment.trim()} onClick={() => decide('reject')}>
                    Reject
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </main>
  );
}
