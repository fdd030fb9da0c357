#!/usr/bin/env bash
# Runs the hooks of .pre-commit-hooks.yaml through pre-commit and real `git commit`s in a
# scratch repository, and checks what a user would see:
#   - the first commit (no HEAD yet) of clean infrastructure passes;
#   - a commit adding an insecure template is refused, the finding shown with its file:line;
#   - a commit changing a Kubernetes workload whose NetworkPolicy is in another, unchanged file
#     passes (the workload file alone would be reported on);
#   - untracked files and unstaged changes are not part of the commit and are not judged;
#   - a commit opening a Terraform child module's network ACL is refused;
#   - palisade.toml applies (its `exclude`).
#
# By default it tests the `palisade-system` hook with the debug binary of this tree on the PATH
# (built first). `--rust` tests the `palisade` hook instead, which pre-commit builds with cargo
# from the repository's HEAD commit (slow: a release build).
#
# pre-commit is the one on the PATH, else one installed into a virtualenv under ${TMPDIR:-/tmp}.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
hook="palisade-system"
case "${1:-}" in
  "") ;;
  --rust) hook=palisade ;;
  *) echo "usage: $0 [--rust]" >&2; exit 2 ;;
esac

work="$(mktemp -d "${TMPDIR:-/tmp}/palisade-pre-commit.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if command -v pre-commit >/dev/null 2>&1; then
  pre_commit="$(command -v pre-commit)"
else
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet --disable-pip-version-check "pre-commit==4.7.0"
  pre_commit="$work/venv/bin/pre-commit"
fi
echo "pre-commit: $("$pre_commit" --version)"

# Git and pre-commit see nothing of the user's configuration or caches.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.com
export PRE_COMMIT_HOME="$work/cache" NO_COLOR=1
# No palisade of the user's PATH must answer for the one under test.
export PATH="$work/bin:$PATH"
mkdir -p "$work/bin"

# The debug binary of this tree: the hook's with `palisade-system`, and for the checks below.
(cd "$root" && cargo build --locked --quiet --bin palisade)
palisade="${CARGO_TARGET_DIR:-$root/target}/debug/palisade"
if [ "$hook" = palisade-system ]; then
  ln -s "$palisade" "$work/bin/palisade"
  # The hooks as this tree defines them, committed in a repository of their own so that
  # uncommitted changes to .pre-commit-hooks.yaml are what is tested.
  git init -q "$work/hooks"
  cp "$root/.pre-commit-hooks.yaml" "$work/hooks/"
  git -C "$work/hooks" add .pre-commit-hooks.yaml
  git -C "$work/hooks" commit -q -m hooks
  hooks_repo="$work/hooks"
else
  # pre-commit clones the repository and runs `cargo install --path .` in it.
  hooks_repo="$root"
  printf '#!/bin/sh\necho "the palisade of the PATH ran instead of the hook'"'"'s build" >&2\nexit 3\n' \
    >"$work/bin/palisade"
  chmod +x "$work/bin/palisade"
fi
rev="$(git -C "$hooks_repo" rev-parse HEAD)"

repo="$work/repo"
git init -q "$repo"
cd "$repo"
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $hooks_repo
    rev: $rev
    hooks:
      - id: $hook
EOF
"$pre_commit" install >/dev/null

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
# commit NAME EXPECT: runs `git commit`, which runs the hook; EXPECT is pass or refuse.
commit() {
  local name="$1" expect="$2" status=0
  git commit -q -m "$name" >"$work/out" 2>&1 || status=$?
  if [ "$expect" = pass ] && [ "$status" -ne 0 ]; then
    fail "$name: the commit was refused"
    sed 's/^/    /' "$work/out" >&2
  elif [ "$expect" = refuse ] && [ "$status" -eq 0 ]; then
    fail "$name: the commit was accepted"
    sed 's/^/    /' "$work/out" >&2
  else
    echo "ok: $name ($expect)"
  fi
}
expect_output() {
  if ! grep -qF -- "$2" "$work/out"; then
    fail "$1: the hook's output does not show \`$2\`"
    sed 's/^/    /' "$work/out" >&2
  fi
}

# Clean infrastructure: a CloudFormation stack, Kubernetes manifests split in two files (the
# namespace and its network policies apart from the workload), a Terraform root with a module.
mkdir -p stacks k8s
cp "$root/examples/secure-stack.yaml" stacks/app.yaml
awk '/^kind: ServiceAccount/ { exit } { print }' "$root/examples/secure-kubernetes.yaml" |
  sed '$d' | sed '$d' >k8s/policies.yaml # drop the `---` and `apiVersion` before the cut
{
  echo "apiVersion: v1"
  awk 'found { print } /^kind: ServiceAccount/ { found = 1; print }' "$root/examples/secure-kubernetes.yaml"
} >k8s/app.yaml
cp -R "$root/examples/terraform/secure" infra
git add .
commit "first commit, clean" pass

# The workload file alone would be reported on: the test below means something.
if "$palisade" scan k8s/app.yaml --quiet >/dev/null 2>&1; then
  fail "k8s/app.yaml alone should lack a network policy"
fi

cat >stacks/public.yaml <<'EOF'
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Uploads:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: false
        BlockPublicPolicy: false
        IgnorePublicAcls: false
        RestrictPublicBuckets: false
EOF
git add stacks/public.yaml
commit "insecure template" refuse
expect_output "insecure template" "stacks/public.yaml:7:26: PAL-S3-001 [high]"
expect_output "insecure template" "Failed"
[ "$(git rev-list --count HEAD)" -eq 1 ] || fail "the refused commit was recorded"

# Leave it untracked, stage a change to the workload alone, and leave an insecure edit of
# the stack unstaged: only the workload is committed and judged.
git reset -q stacks/public.yaml
sed -i 's/replicas: 2/replicas: 3/' k8s/app.yaml
git add k8s/app.yaml
sed -i 's/BlockPublicPolicy: true/BlockPublicPolicy: false/' stacks/app.yaml
git diff --quiet stacks/app.yaml && fail "the unstaged edit of stacks/app.yaml did not change it"
commit "workload change, its network policy in an unchanged file" pass
git diff --quiet stacks/app.yaml && fail "pre-commit lost the unstaged edit of stacks/app.yaml"
git checkout -q stacks/app.yaml

sed -i 's/from_port  = 1024/from_port  = 0/' infra/modules/network/main.tf
git diff --quiet infra && fail "the edit of the Terraform module changed nothing"
git add infra
commit "Terraform module opening every port" refuse
expect_output "Terraform module opening every port" "infra/modules/network/main.tf:"
git checkout -q HEAD -- infra

printf 'exclude = ["legacy/**"]\n' >palisade.toml
mkdir -p legacy
cp stacks/public.yaml legacy/public.yaml
git add palisade.toml legacy
commit "insecure template left out by palisade.toml" pass

if [ "$failures" -ne 0 ]; then
  echo "$failures pre-commit check(s) failed" >&2
  exit 1
fi
echo "pre-commit hook $hook: all checks passed"
