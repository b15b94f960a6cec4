#!/usr/bin/env bash
# Development/test PKI for branch-kiosk sync. NOT for production keys.
#
#   scripts/dev-pki.sh DIR [--force]
#
# Writes into DIR (kept if DIR/ca.crt exists, unless --force):
#   ca.crt ca.key                  the test CA (EC P-256)
#   broker.crt broker.key          mosquitto server cert: CN=localhost, SAN DNS:localhost, IP:127.0.0.1
#   headoffice.crt headoffice.key  head office: client cert for the broker (CN=headoffice) and HTTPS server
#                                  cert (SAN DNS:localhost, IP:127.0.0.1)
#   branch.crt branch.key          the branch appliance's counter link (HTTPS server of `branch-kiosk run`
#                                  for counter consoles): CN=branch-appliance, SAN DNS:localhost, IP:127.0.0.1
#   kiosk-01.crt/.key kiosk-02.crt/.key   kiosk client certs (CN = kiosk id)
#   kiosk-expired.crt/.key         CN=kiosk-03, valid 2020-01-01 .. 2021-01-01
#   kiosk-future.crt/.key          CN=kiosk-04, valid from 2099-01-01
#   other-ca.crt other-ca.key      an unrelated CA; kiosk-other.crt/.key is CN=kiosk-01 signed by it
#   bundle-current.key/.pub        Ed25519 bundle-signing key pair (PKCS#8 PEM / SubjectPublicKeyInfo PEM)
#   bundle-next.key/.pub           the next signing key (kiosks pin both)
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 DIR [--force]" >&2
  exit 2
fi
dir=$1
force=${2:-}
if [[ -f "$dir/ca.crt" && "$force" != "--force" ]]; then
  exit 0
fi
mkdir -p "$dir"
cd "$dir"
umask 077

days=3650

new_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

make_ca() {  # name cn
  new_key "$1.key"
  openssl req -x509 -new -key "$1.key" -sha256 -days "$days" -subj "/O=branch-kiosk dev/CN=$2" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$1.crt"
}

# sign NAME CN CA EXTENSIONS [openssl-ca date options]
sign() {
  local name=$1 cn=$2 ca=$3 ext=$4
  shift 4
  new_key "$name.key"
  openssl req -new -key "$name.key" -subj "/O=branch-kiosk dev/CN=$cn" -out "$name.csr"
  printf '%b\n' "$ext" > "$name.ext"
  if [[ $# -eq 0 ]]; then
    openssl x509 -req -in "$name.csr" -CA "$ca.crt" -CAkey "$ca.key" -CAcreateserial -sha256 \
      -days "$days" -extfile "$name.ext" -out "$name.crt" 2>/dev/null
  else
    # openssl x509 cannot set arbitrary validity dates; openssl ca can.
    local cadir="$name.cadir"
    mkdir -p "$cadir"
    : > "$cadir/index.txt"
    echo 1000 > "$cadir/serial"
    cat > "$cadir/ca.cnf" <<CNF
[ca]
default_ca = dev
[dev]
database = $cadir/index.txt
serial = $cadir/serial
new_certs_dir = $cadir
certificate = $ca.crt
private_key = $ca.key
default_md = sha256
policy = any
copy_extensions = none
unique_subject = no
[any]
organizationName = optional
commonName = supplied
CNF
    openssl ca -batch -notext -config "$cadir/ca.cnf" -in "$name.csr" -extfile "$name.ext" \
      -out "$name.crt" "$@" 2>/dev/null
    rm -rf "$cadir"
  fi
  rm -f "$name.csr" "$name.ext"
}

server_ext="basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1"
client_ext="basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth"

make_ca ca "branch-kiosk dev CA"
sign broker localhost ca "$server_ext"
sign headoffice headoffice ca "$server_ext"
sign branch branch-appliance ca "$server_ext"
sign kiosk-01 kiosk-01 ca "$client_ext"
sign kiosk-02 kiosk-02 ca "$client_ext"
sign kiosk-expired kiosk-03 ca "$client_ext" -startdate 20200101000000Z -enddate 20210101000000Z
sign kiosk-future kiosk-04 ca "$client_ext" -startdate 20990101000000Z -enddate 20991231000000Z
make_ca other-ca "other CA"
sign kiosk-other kiosk-01 other-ca "$client_ext"

for name in bundle-current bundle-next; do
  openssl genpkey -algorithm ed25519 -out "$name.key"
  openssl pkey -in "$name.key" -pubout -out "$name.pub"
done
rm -f ./*.srl
# Certificates and public keys are public; private keys stay 0600.
chmod 0644 ./*.crt ./*.pub
