#!/usr/bin/env bash
# Debian's kcat embeds librdkafka's mock cluster: a real Kafka-protocol broker for the
# integration suite (no Kafka package exists for this machine). Installs it when missing.
set -euo pipefail
if command -v kcat >/dev/null 2>&1; then
  echo "kcat is installed ($(kcat -V 2>&1 | head -1))"
  exit 0
fi
echo "kcat is missing: installing it from Debian"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq kcat
kcat -V 2>&1 | head -1
