/**
 * The client's response schemas against GitHub's own OpenAPI description (`@octokit/openapi`): every
 * field a schema in src/github/schemas.ts reads must exist in the response of the endpoint it
 * validates, be required there when we require it, and accept every type and null GitHub may send.
 * Then the stand-in's bodies for the same endpoints are validated against GitHub's schemas, so the
 * tests that run against it see the shapes GitHub sends — no more, no less.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as schemas from '../../src/github/schemas.js';
import { GitHubStandIn } from '../support/github-stand-in.js';
import { incompatibilities, responseSchema, type Schema, violations } from '../support/openapi.js';

interface Contract {
  route: string;
  status: number;
  schema: z.ZodType;
  /** The client reads a list of these (paginated arrays). */
  list?: boolean;
  /** The response is a oneOf; this is the variant the client asks for. */
  variant?: number;
}

const R = '/repos/{owner}/{repo}';
const CONTRACTS: Record<string, Contract[]> = {
  workflowRunListSchema: [
    {
      route: `GET ${R}/actions/workflows/{workflow_id}/runs`,
      status: 200,
      schema: schemas.workflowRunListSchema,
    },
  ],
  workflowRunSchema: [
    { route: `GET ${R}/actions/runs/{run_id}`, status: 200, schema: schemas.workflowRunSchema },
  ],
  workflowSchema: [
    { route: `GET ${R}/actions/workflows/{workflow_id}`, status: 200, schema: schemas.workflowSchema },
  ],
  repositorySchema: [{ route: `GET ${R}`, status: 200, schema: schemas.repositorySchema }],
  artifactListSchema: [
    { route: `GET ${R}/actions/runs/{run_id}/artifacts`, status: 200, schema: schemas.artifactListSchema },
  ],
  artifactSchema: [
    { route: `GET ${R}/actions/artifacts/{artifact_id}`, status: 200, schema: schemas.artifactSchema },
  ],
  issueCommentSchema: [
    {
      route: `GET ${R}/issues/{issue_number}/comments`,
      status: 200,
      schema: schemas.issueCommentSchema,
      list: true,
    },
    { route: `POST ${R}/issues/{issue_number}/comments`, status: 201, schema: schemas.issueCommentSchema },
    { route: `PATCH ${R}/issues/comments/{comment_id}`, status: 200, schema: schemas.issueCommentSchema },
  ],
  reviewSchema: [
    { route: `POST ${R}/pulls/{pull_number}/reviews`, status: 200, schema: schemas.reviewSchema },
    { route: `GET ${R}/pulls/{pull_number}/reviews`, status: 200, schema: schemas.reviewSchema, list: true },
    {
      route: `PUT ${R}/pulls/{pull_number}/reviews/{review_id}/dismissals`,
      status: 200,
      schema: schemas.reviewSchema,
    },
  ],
  pullSchema: [{ route: `GET ${R}/pulls/{pull_number}`, status: 200, schema: schemas.pullSchema }],
  pullSimpleSchema: [{ route: `GET ${R}/pulls`, status: 200, schema: schemas.pullSimpleSchema, list: true }],
  commitSchema: [
    { route: `GET ${R}/pulls/{pull_number}/commits`, status: 200, schema: schemas.commitSchema, list: true },
    { route: `GET ${R}/commits`, status: 200, schema: schemas.commitSchema, list: true },
  ],
  issueEventSchema: [
    {
      route: `GET ${R}/issues/{issue_number}/events`,
      status: 200,
      schema: schemas.issueEventSchema,
      list: true,
    },
  ],
  commitComparisonSchema: [
    { route: `GET ${R}/compare/{basehead}`, status: 200, schema: schemas.commitComparisonSchema },
  ],
  checkRunSchema: [
    { route: `POST ${R}/check-runs`, status: 201, schema: schemas.checkRunSchema },
    { route: `PATCH ${R}/check-runs/{check_run_id}`, status: 200, schema: schemas.checkRunSchema },
  ],
  commitStatusSchema: [
    { route: `POST ${R}/statuses/{sha}`, status: 201, schema: schemas.commitStatusSchema },
  ],
  deploymentSchema: [
    { route: `POST ${R}/deployments`, status: 201, schema: schemas.deploymentSchema },
    { route: `GET ${R}/deployments`, status: 200, schema: schemas.deploymentSchema, list: true },
  ],
  deploymentStatusSchema: [
    {
      route: `POST ${R}/deployments/{deployment_id}/statuses`,
      status: 201,
      schema: schemas.deploymentStatusSchema,
    },
    {
      route: `GET ${R}/deployments/{deployment_id}/statuses`,
      status: 200,
      schema: schemas.deploymentStatusSchema,
      list: true,
    },
  ],
  collaboratorPermissionSchema: [
    {
      route: `GET ${R}/collaborators/{username}/permission`,
      status: 200,
      schema: schemas.collaboratorPermissionSchema,
    },
  ],
  contentFileSchema: [
    { route: `GET ${R}/contents/{path}`, status: 200, schema: schemas.contentFileSchema, variant: 1 },
  ],
};

function theirs(contract: Contract): Schema {
  const body = responseSchema(contract.route, contract.status);
  if (contract.variant === undefined) return body;
  const variant = body.oneOf?.[contract.variant];
  if (!variant) throw new Error(`${contract.route} has no oneOf variant ${contract.variant}`);
  return variant;
}

function ours(contract: Contract): Schema {
  const schema = contract.list ? z.array(contract.schema) : contract.schema;
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Schema;
}

describe('response schemas against GitHub’s OpenAPI description', () => {
  it('covers every response schema the client validates', () => {
    const exported = Object.keys(schemas).filter((name) => name.endsWith('Schema'));
    expect(exported.sort()).toEqual(Object.keys(CONTRACTS).sort());
  });

  const cases = Object.entries(CONTRACTS).flatMap(([name, list]) =>
    list.map(
      (c) => [name, Object.assign(Object.create({ toString: () => c.route }), c) as Contract] as const,
    ),
  );
  it.each(cases)('%s reads %s as GitHub describes it', (_name, contract) => {
    expect(incompatibilities(ours(contract), theirs(contract))).toEqual([]);
  });

  it('GET /pulls lists pull-request-simple, which has no `merged`, so the full schema would reject it', () => {
    const list = theirs(CONTRACTS.pullSimpleSchema![0]!);
    const full = z.toJSONSchema(z.array(schemas.pullSchema), { io: 'input' }) as Schema;
    expect(incompatibilities(full, list)).toContain("(root)[].merged: not in GitHub's schema");
  });

  it('a commit author may be a user, null or {}; the client reads each', () => {
    const sha = 'a'.repeat(40);
    const base = { sha, commit: { message: 'm', author: null, committer: null }, parents: [] };
    for (const author of [{ login: 'octocat', id: 1 }, null, {}]) {
      expect(schemas.commitSchema.safeParse({ ...base, author }).success).toBe(true);
    }
    expect(schemas.commitSchema.parse({ ...base, author: {} }).author).toBeNull();
  });
});

describe('the stand-in serves GitHub’s shapes', () => {
  let standIn: GitHubStandIn;
  const sha = (n: number) => n.toString(16).padStart(40, 'e');
  const bodies = new Map<string, unknown>();

  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${standIn.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${standIn.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return response.json();
  }

  beforeAll(async () => {
    standIn = await GitHubStandIn.start();
    const repo = `/repos/${standIn.fullName}`;
    const workflow = standIn.addWorkflow('.github/workflows/ml.yml', 'ml');
    standIn.addCommits([
      { sha: sha(1), message: 'base' },
      { sha: sha(2), message: 'signed\n\nGate-Waive: a/b: c', authorLogin: 'maintainer', verified: true },
      { sha: sha(3), message: 'no account', authorEmpty: true },
    ]);
    standIn.setBranch('main', sha(1));
    const run = standIn.addRun({ workflowId: workflow, headSha: sha(1) });
    const artifact = standIn.addArtifact(Number(run.id), {
      name: 'contexta-evidence',
      content: Buffer.from('zip'),
    });
    standIn.addPull({ number: 5, headSha: sha(3), headRef: 'feature' });
    standIn.addLabel(5, 'gate-waive:x', 'maintainer');
    standIn.setPermission('maintainer', 'write');
    standIn.addFile('main', '.github/contexta-gate.yml', 'version: 1\n');
    const comment = (await call('POST', `${repo}/issues/5/comments`, { body: 'hi' })) as { id: number };
    const review = (await call('POST', `${repo}/pulls/5/reviews`, {
      event: 'REQUEST_CHANGES',
      body: 'x',
    })) as {
      id: number;
    };
    const check = (await call('POST', `${repo}/check-runs`, { name: 'gate', head_sha: sha(3) })) as {
      id: number;
    };
    const deployment = (await call('POST', `${repo}/deployments`, {
      ref: sha(1),
      environment: 'production',
      auto_merge: false,
      required_contexts: [],
      payload: { run_id: Number(run.id) },
    })) as { id: number };
    const paths: Record<string, [string, string, unknown?]> = {
      [`GET ${R}/actions/workflows/{workflow_id}/runs`]: ['GET', `${repo}/actions/workflows/ml.yml/runs`],
      [`GET ${R}/actions/runs/{run_id}`]: ['GET', `${repo}/actions/runs/${run.id}`],
      [`GET ${R}/actions/workflows/{workflow_id}`]: ['GET', `${repo}/actions/workflows/ml.yml`],
      [`GET ${R}`]: ['GET', repo],
      [`GET ${R}/actions/runs/{run_id}/artifacts`]: ['GET', `${repo}/actions/runs/${run.id}/artifacts`],
      [`GET ${R}/issues/{issue_number}/comments`]: ['GET', `${repo}/issues/5/comments`],
      [`PATCH ${R}/issues/comments/{comment_id}`]: [
        'PATCH',
        `${repo}/issues/comments/${comment.id}`,
        { body: 'y' },
      ],
      [`GET ${R}/pulls/{pull_number}/reviews`]: ['GET', `${repo}/pulls/5/reviews`],
      [`PUT ${R}/pulls/{pull_number}/reviews/{review_id}/dismissals`]: [
        'PUT',
        `${repo}/pulls/5/reviews/${review.id}/dismissals`,
        { message: 'passed', event: 'DISMISS' },
      ],
      [`GET ${R}/pulls/{pull_number}`]: ['GET', `${repo}/pulls/5`],
      [`GET ${R}/pulls`]: ['GET', `${repo}/pulls?head=${standIn.owner}:feature`],
      [`GET ${R}/pulls/{pull_number}/commits`]: ['GET', `${repo}/pulls/5/commits`],
      [`GET ${R}/commits`]: ['GET', `${repo}/commits?sha=${sha(2)}`],
      [`GET ${R}/issues/{issue_number}/events`]: ['GET', `${repo}/issues/5/events`],
      [`GET ${R}/compare/{basehead}`]: ['GET', `${repo}/compare/${sha(1)}...${sha(3)}`],
      [`PATCH ${R}/check-runs/{check_run_id}`]: [
        'PATCH',
        `${repo}/check-runs/${check.id}`,
        { status: 'completed', conclusion: 'success' },
      ],
      [`POST ${R}/statuses/{sha}`]: [
        'POST',
        `${repo}/statuses/${sha(3)}`,
        { state: 'pending', context: 'gate' },
      ],
      [`GET ${R}/deployments`]: ['GET', `${repo}/deployments`],
      [`POST ${R}/deployments/{deployment_id}/statuses`]: [
        'POST',
        `${repo}/deployments/${deployment.id}/statuses`,
        { state: 'success' },
      ],
      [`GET ${R}/deployments/{deployment_id}/statuses`]: [
        'GET',
        `${repo}/deployments/${deployment.id}/statuses`,
      ],
      [`GET ${R}/collaborators/{username}/permission`]: [
        'GET',
        `${repo}/collaborators/maintainer/permission`,
      ],
      [`GET ${R}/contents/{path}`]: ['GET', `${repo}/contents/.github%2Fcontexta-gate.yml?ref=main`],
    };
    bodies.set(`POST ${R}/issues/{issue_number}/comments`, comment);
    bodies.set(`POST ${R}/pulls/{pull_number}/reviews`, review);
    bodies.set(`POST ${R}/check-runs`, check);
    bodies.set(`POST ${R}/deployments`, deployment);
    for (const [route, [method, path, body]] of Object.entries(paths))
      bodies.set(route, await call(method, path, body));
    expect(artifact.artifact.id).toBeGreaterThan(0);
  });

  afterAll(async () => {
    await standIn.close();
  });

  const served = Object.values(CONTRACTS)
    .flat()
    .filter((c) => c.route !== `GET ${R}/actions/artifacts/{artifact_id}`);
  it.each(served)('$route ($status) conforms to GitHub’s response schema', (contract) => {
    const body = bodies.get(contract.route);
    expect(body, contract.route).toBeDefined();
    expect(violations(body, responseSchema(contract.route, contract.status))).toEqual([]);
    const parsed = (contract.list ? z.array(contract.schema) : contract.schema).safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
  });
});
