#!/usr/bin/env bash
# The `intercom sync` step of the repository's GitHub Action (action.yml): builds the command
# line from the action's inputs, runs it, and leaves a job summary and the exit code.
#
# Inputs come as environment variables (action.yml maps them, so no input is ever pasted into
# shell code): INPUT_PATH, INPUT_SOURCE_URL (required), INPUT_SITE_URL, INPUT_PRUNE,
# INPUT_MAX_PRUNE, INPUT_DRY_RUN, INPUT_STRICT, INPUT_RUN_PREPROCESSORS, INPUT_REGION. The
# token is INTERCOM_TOKEN, which `intercom` reads itself: it is never on a command line.
#
# GITHUB_STEP_SUMMARY (the job summary) and GITHUB_OUTPUT (the step's outputs) are used when
# set. The script exits with intercom's exit code (see crates/intercom-cli/README.md).
set -uo pipefail

summary="${GITHUB_STEP_SUMMARY:-}"

# What an exit code means, for the summary and the log.
meaning() {
  case "$1" in
    1) echo "an API call failed" ;;
    2) echo "usage or configuration: nothing was sent" ;;
    3) echo "some pages failed" ;;
    4) echo "Intercom refused the token" ;;
    5) echo "not found" ;;
    6) echo "a guard refused the prune or the new ids: nothing was deleted" ;;
    7) echo "the Intercom API did not answer" ;;
    130 | 143) echo "interrupted" ;;
    *) echo "failed" ;;
  esac
}

# A run that ended before intercom could write its own summary still leaves one line there.
summarize_failure() {
  local code="$1" why="$2"
  if [[ -n "$summary" ]]; then
    printf '### ❌ intercom sync\n\n**Failed, exit code %s**: %s\n\n' "$code" "$why" >>"$summary"
  fi
}

finish() {
  local code="$1"
  if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
    echo "exit-code=$code" >>"$GITHUB_OUTPUT"
  fi
  exit "$code"
}

usage_error() {
  echo "::error title=intercom sync::$1"
  summarize_failure 2 "$1"
  finish 2
}

# true/false as GitHub writes them (and yes/no, 1/0); anything else is a mistake to report,
# not to read as false.
flag() {
  local name="$1" value="${2:-}"
  # Not ${value,,}: macOS runners may run bash 3.2.
  case "$(printf '%s' "$value" | tr '[:upper:]' '[:lower:]')" in
    true | yes | 1) return 0 ;;
    false | no | 0 | "") return 1 ;;
    *) usage_error "input $name must be true or false, not '$value'" ;;
  esac
}

[[ -n "${INPUT_PATH:-}" ]] || usage_error "input path is required: the folder to sync"
[[ -n "${INPUT_SOURCE_URL:-}" ]] || usage_error "input source-url is required"

args=(sync "$INPUT_PATH" --source-url "$INPUT_SOURCE_URL")
[[ -n "${INPUT_SITE_URL:-}" ]] && args+=(--site-url "$INPUT_SITE_URL")
[[ -n "${INPUT_MAX_PRUNE:-}" ]] && args+=(--max-prune "$INPUT_MAX_PRUNE")
[[ -n "${INPUT_REGION:-}" ]] && args+=(--region "$INPUT_REGION")
if flag prune "${INPUT_PRUNE:-}"; then args+=(--prune); fi
if flag dry-run "${INPUT_DRY_RUN:-}"; then args+=(--dry-run); fi
if flag strict "${INPUT_STRICT:-}"; then args+=(--strict); fi
if flag run-preprocessors "${INPUT_RUN_PREPROCESSORS:-}"; then args+=(--run-preprocessors); fi
[[ -n "$summary" ]] && args+=(--summary-file "$summary")

# Whether intercom wrote the summary itself: it does whenever the sync got as far as the API.
before=0
[[ -n "$summary" && -f "$summary" ]] && before=$(wc -c <"$summary")

intercom "${args[@]}"
code=$?

if [[ $code -ne 0 ]]; then
  echo "::error title=intercom sync::exit code $code: $(meaning "$code") (see the lines above)"
  after=0
  [[ -n "$summary" && -f "$summary" ]] && after=$(wc -c <"$summary")
  if [[ "$after" -eq "$before" ]]; then
    summarize_failure "$code" "$(meaning "$code"); see the job's log"
  fi
fi
finish "$code"
