#!/usr/bin/env bash
# Starts a development/test mosquitto broker with mutual TLS.
#
#   scripts/broker.sh CONFDIR PORT PKIDIR [--write-only]
#
# Writes CONFDIR/mosquitto.conf and CONFDIR/acl, then replaces itself with mosquitto (exec), so the caller's
# child pid is the broker's. --write-only writes the files and exits.
#   - listener 127.0.0.1:PORT, TLS 1.2+, certificates from PKIDIR (scripts/dev-pki.sh), require_certificate
#   - use_identity_as_username: the username is the client certificate's CN (a kiosk id or "headoffice")
#   - ACL: a kiosk writes only bank/v1/+/<its CN>/{events,state} and reads its own ack/cmd and the
#     retained bundle pointers; "headoffice" reads and writes everything under bank/v1/
#   - persistence in CONFDIR/data; max_queued_messages/max_inflight raised for the ingest clients
#     (past max_queued_messages mosquitto drops silently; see docs/architecture)
set -euo pipefail

if [[ $# -lt 3 ]]; then
  echo "usage: $0 CONFDIR PORT PKIDIR [--write-only]" >&2
  exit 2
fi
confdir=$(realpath -m "$1")
port=$2
pki=$(realpath "$3")
mode=${4:-}
mkdir -p "$confdir/data"

cat > "$confdir/acl" <<'ACL'
# Kiosks: the username is the certificate CN (use_identity_as_username).
pattern write bank/v1/+/%u/events
pattern write bank/v1/+/%u/state
pattern read bank/v1/+/%u/ack
pattern read bank/v1/+/%u/cmd
# Retained bundle pointers: bank/v1/{branch}/config, bank/v1/all/surveys, ... (mosquitto warns that this
# pattern has no %u; it is meant for every user).
pattern read bank/v1/+/+

user headoffice
topic readwrite bank/v1/#
topic read $share/ingest/bank/v1/#
ACL

cat > "$confdir/mosquitto.conf" <<CONF
# Written by scripts/broker.sh; edits are overwritten on the next start.
per_listener_settings false
# As root mosquitto would drop to the "mosquitto" user, which cannot read the caller's 0600 keys. Run as
# whoever started the script (for a non-root user this line changes nothing).
user $(id -un)
allow_anonymous false
acl_file $confdir/acl
persistence true
persistence_location $confdir/data/
autosave_interval 1
log_dest stderr
log_type error
log_type warning
log_type notice
connection_messages true
max_queued_messages 100000
max_inflight_messages 100
max_packet_size 4194304
# Without it a small ack behind a PUBACK waits for the peer's delayed ACK (~40 ms, measured in the sync
# benchmark); head office's ack latency target needs it.
set_tcp_nodelay true
listener $port 127.0.0.1
protocol mqtt
cafile $pki/ca.crt
certfile $pki/broker.crt
keyfile $pki/broker.key
tls_version tlsv1.2
require_certificate true
use_identity_as_username true
CONF

if [[ "$mode" == "--write-only" ]]; then
  exit 0
fi
exec mosquitto -c "$confdir/mosquitto.conf"
