import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';

// No Docker engine on the build machines: the per-app image's Dockerfile is kept honest by parsing
// it (ADR 0035). The build steps themselves were run by hand outside Docker (see the ADR).
const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const apps = readdirSync(join(ROOT, 'apps')).filter((a) =>
  existsSync(join(ROOT, 'apps', a, 'src', 'main.ts')),
);

interface Stage {
  name: string;
  image: string;
  flags: string[];
  args: string[];
  envs: string[];
  steps: { keyword: string; text: string }[];
}

/** The stages of a Dockerfile, and the build arguments declared before the first FROM. */
function stagesOf(text: string): { globalArgs: Map<string, string | undefined>; stages: Stage[] } {
  const file = DockerfileParser.parse(text);
  const globalArgs = new Map<string, string | undefined>();
  const stages: Stage[] = [];
  for (const ins of file.getInstructions()) {
    const keyword = ins.getKeyword();
    // Flags (--from, --platform) are kept apart by the parser: put them back in front.
    const flagged =
      'getFlags' in ins
        ? (ins as unknown as { getFlags(): { toString(): string }[] }).getFlags().map((f) => f.toString())
        : [];
    const content = [...flagged, ins.getArgumentsContent() ?? ''].join(' ');
    if (keyword === 'FROM') {
      const words = content.split(/\s+/);
      const flags = words.filter((w) => w.startsWith('--'));
      const rest = words.filter((w) => !w.startsWith('--'));
      stages.push({
        name: rest[2] ?? String(stages.length),
        image: rest[0]!,
        flags,
        args: [],
        envs: [],
        steps: [],
      });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (keyword === 'ARG') {
      const [name, value] = content.split('=');
      if (stage) stage.args.push(name!);
      else globalArgs.set(name!, value);
      continue;
    }
    if (!stage) continue;
    if (keyword === 'ENV')
      stage.envs.push(...[...content.matchAll(/(?:^|\s)([A-Z_][A-Z0-9_]*)=/g)].map((m) => m[1]!));
    stage.steps.push({ keyword, text: content });
  }
  return { globalArgs, stages };
}

/**
 * Variables a stage uses at build time that it never declared: an ARG before the first FROM is not
 * visible inside a stage unless the stage declares it again, a classic silent empty string.
 */
function undeclaredVariables(text: string): string[] {
  const { stages } = stagesOf(text);
  const problems: string[] = [];
  const BUILTIN = new Set([
    'BUILDPLATFORM',
    'TARGETPLATFORM',
    'TARGETARCH',
    'TARGETOS',
    'BUILDARCH',
    'BUILDOS',
    'PATH',
    'HOME',
  ]);
  for (const stage of stages) {
    for (const step of stage.steps) {
      if (step.keyword === 'CMD' || step.keyword === 'ENTRYPOINT') continue; // run-time shell, ENV applies
      const local = new Set(
        [...step.text.matchAll(/(?:^|[\s;&|(])([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1]),
      );
      for (const m of step.text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
        const v = m[1]!;
        if (!stage.args.includes(v) && !stage.envs.includes(v) && !local.has(v) && !BUILTIN.has(v))
          problems.push(`${stage.name}: ${step.keyword} uses $${v}, not declared in the stage`);
      }
    }
  }
  return problems;
}

describe('Dockerfile.service (one image per app)', () => {
  const text = read('Dockerfile.service');
  const { globalArgs, stages } = stagesOf(text);

  it('builds in three stages from the Node 24 LTS image the platform image uses', () => {
    expect(stages.map((s) => s.name)).toEqual(['prune', 'build', 'runtime']);
    for (const s of stages) expect(s.image).toBe('${NODE_IMAGE}');
    const platformImage = read('Dockerfile').match(/^FROM (node:\S+)/m)![1];
    expect(globalArgs.get('NODE_IMAGE')).toBe(platformImage);
    expect(platformImage).toMatch(/^node:24\./);
    expect(platformImage).toContain(read('run').match(/^NODE_VERSION=(\S+)$/m)![1]);
  });

  it('prunes the workspace to the app with turbo (the repository’s version), on the build platform', () => {
    const prune = stages[0]!;
    expect(prune.flags).toContain('--platform=$BUILDPLATFORM');
    expect(prune.args).toEqual(expect.arrayContaining(['SERVICE', 'TURBO_VERSION']));
    expect(text).toMatch(/ARG TURBO_VERSION=(\S+)/);
    expect(text.match(/ARG TURBO_VERSION=(\S+)/)![1]).toBe(
      JSON.parse(read('package.json')).devDependencies.turbo,
    );
    expect(prune.steps.map((s) => s.text).join('\n')).toMatch(
      /turbo prune \$scopes --docker --out-dir \/out/,
    );
    expect(prune.steps.map((s) => s.text).join('\n')).toContain('scopes="@firstset/${SERVICE}"');
  });

  it('installs from the pruned lock file, builds the app and its packages, then keeps production dependencies only', () => {
    const build = stages[1]!;
    const steps = build.steps.map((s) => `${s.keyword} ${s.text}`);
    const at = (re: RegExp) => steps.findIndex((s) => re.test(s));
    expect(build.flags).toEqual([]); // the target platform: native modules for each architecture
    expect(at(/^COPY --from=prune \/out\/json\//)).toBeLessThan(at(/^RUN npm ci/));
    expect(at(/^RUN npm ci/)).toBeLessThan(at(/^COPY --from=prune \/out\/full\//));
    expect(at(/^COPY --from=prune \/out\/full\//)).toBeLessThan(
      at(/^RUN npx turbo run build --filter="@firstset\/\$\{SERVICE\}\.\.\."/),
    );
    expect(steps[at(/turbo run build/)]).toMatch(/&& npm prune --omit=dev/);
    // What every package's build needs that turbo prune leaves out.
    for (const file of ['tsconfig.base.json', 'scripts/prisma-generate.mjs']) {
      expect(existsSync(join(ROOT, file))).toBe(true);
      expect(steps).toContainEqual(expect.stringMatching(new RegExp(`^COPY ${file.replace('.', '\\.')} `)));
    }
    for (const app of apps)
      expect(read(`apps/${app}/package.json`)).toMatch(/"build": "(npm run generate && )?(tsc|vite|node)/);
  });

  it('runs as the node user from the build stage alone, the app the image was built for', () => {
    const runtime = stages[2]!;
    const steps = runtime.steps.map((s) => `${s.keyword} ${s.text}`);
    expect(steps.filter((s) => s.startsWith('COPY'))).toEqual(['COPY --from=build /app /app']);
    expect(steps.filter((s) => s.startsWith('USER'))).toEqual(['USER node']);
    expect(runtime.envs).toEqual(expect.arrayContaining(['NODE_ENV', 'SERVICE']));
    expect(steps[steps.length - 1]).toBe('CMD ["sh", "-c", "exec node apps/$SERVICE/dist/main.js"]');
  });

  it('declares in each stage every build argument the stage uses', () => {
    expect(undeclaredVariables(text)).toEqual([]);
    // The check fails where it should: ARG SERVICE dropped from the build stage.
    const broken = text.replace(/(AS build\n)ARG SERVICE\n/, '$1');
    expect(broken).not.toBe(text);
    expect(undeclaredVariables(broken)).toContain('build: RUN uses $SERVICE, not declared in the stage');
  });

  it('documents the multi-architecture build (linux/amd64 and linux/arm64) for every app', () => {
    const adr = read('docs/adr/0035-kubernetes-images-and-database-roles.md');
    for (const doc of [text, adr])
      expect(doc).toMatch(
        /docker buildx build --platform linux\/amd64,linux\/arm64[\s\S]*--build-arg SERVICE=/,
      );
  });
});
