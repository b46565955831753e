#!/usr/bin/env bash
# test-completion.sh: drives nexor's bash completion as bash would
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: test-completion.sh COMPLETION_SCRIPT NEXOR NEXOR_EMULATOR
#
# Sources the completion script, sets COMP_WORDS/COMP_CWORD for a command
# line, calls the completion function and checks COMPREPLY (TAP). The ids
# seen recently come from real runs of nexor against nexor-emulator, with
# the cache in a directory of the test's own.
set -u

script=$1
nexor=$(realpath "$2")
emulator=$3
key=nxr_live_completion_test_4b1e9d
seed=123e4567-e89b-12d3-a456-426614174000
missing=123e4567-e89b-12d3-a456-42661417ffff

work=$(mktemp -d)
emulator_pid=
cleanup() {
    [[ -n $emulator_pid ]] && kill "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

export XDG_CACHE_HOME=$work/cache
export LC_ALL=C.UTF-8
unset NEXOR_TIMEOUT NEXOR_DEBUG NEXOR_CA_FILE
cache=$XDG_CACHE_HOME/nexor/recent-ids

# shellcheck source=/dev/null
source "$script"

count=0
failed=0
ok() {
    count=$((count + 1))
    if [[ $1 == 0 ]]; then
        echo "ok $count - $2"
    else
        failed=$((failed + 1))
        echo "not ok $count - $2"
        [[ -n ${3-} ]] && printf '# %s\n' "$3"
    fi
}

# complete WORD… : COMPREPLY for the command line "nexor WORD…", completing
# the last word; sets $reply to the candidates, one per line.
complete_line() {
    COMP_WORDS=("$nexor" "$@")
    COMP_CWORD=$#
    COMP_LINE="nexor $*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _nexor nexor "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    reply=$(printf '%s\n' "${COMPREPLY[@]}")
    [[ ${#COMPREPLY[@]} == 0 ]] && reply=
}

expect() {  # expect DESCRIPTION EXPECTED WORD…
    local description=$1 expected=$2
    shift 2
    complete_line "$@"
    [[ $reply == "$expected" ]]
    ok $? "$description" "got: $(echo "$reply" | tr '\n' ' ')"
}

expect_has() {  # expect_has DESCRIPTION CANDIDATE WORD…
    local description=$1 candidate=$2
    shift 2
    complete_line "$@"
    grep -qxF -- "$candidate" <<<"$reply"
    ok $? "$description" "got: $(echo "$reply" | tr '\n' ' ')"
}

complete -p nexor >/dev/null 2>&1
ok $? "the script registers a completion for nexor"

# Commands, subcommands and options.
expect "nexor <TAB>: the commands, never the hidden __complete" \
    $'lead\ntags\nteam\nmeeting\nconversions\nconversion-types\nmessage\ntemplates\nworkflows\ncampaigns\nprocessors\nrules\nroute\nwebhooks\nhelp' ""
expect "nexor meeting <TAB>: every meeting command" $'create\ncancel\nno-show\ncomplete\nnotes' meeting ""
expect "nexor webhooks <TAB>: listen" "listen" webhooks ""
for option in --port --address --secret --json --forward-to; do
    expect_has "nexor webhooks listen --<TAB> offers $option" "$option" webhooks listen --
done
expect "nexor rules <TAB>: every rules command" $'list\nadd\nupdate\ndelete\nreorder' rules ""
expect "nexor le<TAB>" "lead" le
expect "nexor lead <TAB>: every lead command" \
    $'get\nsearch\ncreate\nupdate\nassign\nstatus\ntakeover\nresume\npaused\nhistory\nmeetings\ntags' lead ""
expect "nexor lead hi<TAB>" "history" lead hi
expect "nexor tags u<TAB>" "update" tags u
expect "nexor --api-key K le<TAB>: a global option's value is skipped" "lead" --api-key K le
expect "nexor lead get --j<TAB>" "--json" lead get --j
expect "nexor --ti<TAB>" "--timeout" --ti
expect "nexor lead history ID --ch<TAB>" "--channel" lead history "$seed" --ch
for option in --ids --fields --timeout --version --help --base-url; do
    expect_has "nexor lead get --<TAB> offers $option" "$option" lead get --
done
expect_has "nexor team --<TAB> offers --ids" --ids team --
complete_line tags delete --
! grep -qxF -- --ids <<<"$reply"
ok $? "nexor tags delete --<TAB>: no --ids, it prints no resource" "got: $reply"
expect "nexor help lead t<TAB>" $'takeover\ntags' help lead t
expect "nexor lead gte <TAB>: nothing for a command that does not exist" "" lead gte ""
expect "nexor tags list --fields id,sl<TAB>: the field after the comma" "id,slug" \
    tags list --fields id,sl
expect "nexor lead get ID --fields first<TAB>" "first_name" lead get "$seed" --fields first
mkdir -p "$work/files"
touch "$work/files/leads.json"
expect "nexor lead create --from-file PATH<TAB>: file names" "$work/files/leads.json" \
    lead create --from-file "$work/files/le"
expect "nexor --ca-file PATH<TAB>: file names" "$work/files/leads.json" --ca-file "$work/files/l"

# Ids seen recently: none before any run, never written by completing.
expect "nexor lead get <TAB> with no cache: nothing" "" lead get ""
[[ ! -e $cache ]]
ok $? "completing writes no cache"

# Start the emulator; its first line is its URL.
"$emulator" --port 0 --api-key "$key" >"$work/emulator.out" 2>/dev/null &
emulator_pid=$!
url=
for _ in $(seq 1 150); do
    url=$(head -n 1 "$work/emulator.out" 2>/dev/null)
    [[ $url == http*/api/public ]] && break
    sleep 0.1
done
[[ $url == http*/api/public ]]
ok $? "nexor-emulator started ($url)"
export NEXOR_BASE_URL=$url NEXOR_API_KEY=$key

"$nexor" lead get "$seed" >/dev/null
ok $? "nexor lead get SEED"
expect "nexor lead get <TAB>: the lead just seen" "$seed" lead get ""
expect "nexor lead history 123<TAB>" "$seed" lead history 123
expect "nexor lead assign <TAB>" "$seed" lead assign ""
expect "nexor lead assign ID <TAB>: no lead id for WORKFLOW_ID" "" lead assign "$seed" ""
expect "nexor tags update <TAB>: no lead id for a tag" "" tags update ""

[[ $(stat -c %a "$cache") == 600 ]]
ok $? "the cache is mode 0600" "$(stat -c %a "$cache")"
[[ $(stat -c %a "$(dirname "$cache")") == 700 ]]
ok $? "its directory is mode 0700"
! grep -qF "$key" "$cache"
ok $? "the cache holds no key"

"$nexor" lead get "$missing" >/dev/null 2>&1
expect "a lead that was not found is not remembered" "$seed" lead get ""

new_lead=$("$nexor" lead create --first-name Compl --email "compl-$$@example.com" --ids)
ok $? "nexor lead create"
expect "nexor lead get <TAB>: the lead just created first" "$new_lead"$'\n'"$seed" lead get ""

# Written once, by rename, and not at all when nothing changed.
inode=$(stat -c %i "$cache")
"$nexor" lead get "$new_lead" >/dev/null
[[ $(stat -c %i "$cache") == "$inode" ]]
ok $? "seeing the most recent lead again leaves the cache untouched"
[[ $(ls -A "$(dirname "$cache")") == recent-ids ]]
ok $? "no temporary file is left beside the cache" "$(ls -A "$(dirname "$cache")")"

tag=$("$nexor" tags create "Completion $$" "completion-$$" --ids)
ok $? "nexor tags create"
expect_has "nexor tags update <TAB>: the tag just created" "$tag" tags update ""
expect_has "nexor lead tags ID --add <TAB>: tag ids" "$tag" lead tags "$seed" --add ""
"$nexor" tags delete "$tag" >/dev/null
complete_line tags update ""
! grep -qxF -- "$tag" <<<"$reply"
ok $? "a deleted tag is no longer offered" "got: $reply"

# Bounded: the oldest go once there are 50 of a kind; junk lines are dropped.
{
    for i in $(seq 1 120); do printf 'lead\t00000000-0000-4000-8000-%012d\n' "$i"; done
    printf 'junk line\n\tno kind\nlead\tnot-a-uuid\n'
} >"$cache"
"$nexor" lead get "$seed" >/dev/null
leads=$(grep -c "^lead"$'\t' "$cache")
[[ $leads == 50 ]]
ok $? "at most 50 lead ids are kept" "$leads lines"
! grep -q "junk\|not-a-uuid" "$cache"
ok $? "lines that are not KIND<TAB>UUID are dropped"
complete_line lead get ""
[[ $(head -n 1 <<<"$reply") == "$seed" ]] && ! grep -qx "00000000-0000-4000-8000-000000000001" <<<"$reply"
ok $? "the most recent first, the oldest gone"

# A bulk create notes every lead it saved: the newest 50 are kept.
for i in $(seq 1 60); do printf '{"first_name": "Bulk%d"},' "$i"; done | sed 's/^/[/; s/,$/]/' >"$work/bulk.json"
"$nexor" lead create --from-file "$work/bulk.json" >/dev/null
ok $? "nexor lead create --from-file, 60 leads"
leads=$(grep -c "^lead"$'\t' "$cache")
complete_line lead get ""
[[ $leads == 50 ]] && ! grep -qxF -- "$seed" <<<"$reply"
ok $? "a bulk create keeps the newest 50 lead ids" "$leads lines"

# A cache that is not a small regular file is ignored, never a crash.
rm -f "$cache"
mkdir "$cache"
expect "a cache that is a directory: no ids, no error" "" lead get ""
"$nexor" lead get "$seed" >/dev/null 2>"$work/err"
[[ $? == 0 && ! -s $work/err ]]
ok $? "a cache that cannot be written does not fail the command" "$(cat "$work/err")"

echo "1..$count"
[[ $failed == 0 ]]
