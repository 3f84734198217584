#!/bin/sh
# Regenerates the test certificates (real X.509, self-signed with fixed dates) used by the metadata corpus.
# Run from this directory with OpenSSL 3. Each run makes new keys: the XML files and expected-certificates.txt
# are rewritten together, so the tests keep matching.
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/newcerts" && : > "$work/index.txt" && echo 1000 > "$work/serial"
cat > "$work/ca.cnf" <<CNF
[ ca ]
default_ca = test
[ test ]
dir = $work
database = $work/index.txt
new_certs_dir = $work/newcerts
serial = $work/serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[ any ]
commonName = supplied
CNF
# name  subject-CN  start  end
make() {
  openssl req -new -newkey rsa:2048 -nodes -keyout "$work/$1.key" -subj "/CN=$2" -out "$work/$1.csr" 2>/dev/null
  openssl ca -batch -config "$work/ca.cnf" -selfsign -keyfile "$work/$1.key" -in "$work/$1.csr" \
    -startdate "$3" -enddate "$4" -notext -out "$1.pem" 2>/dev/null
}
make long-valid "Microsoft Azure Federated SSO Certificate" 20260101000000Z 20991231235959Z
make aws-sp "IAM Identity Center SAML signing" 20260301000000Z 20991231235959Z
make rollover "Microsoft Azure Federated SSO Certificate (next)" 20261101000000Z 20991231235959Z
make expired "Microsoft Azure Federated SSO Certificate (old)" 20200101000000Z 20230101000000Z
make expiring "Expiring SSO Certificate" 20231207120000Z 20261207120000Z

# --- metadata files ---------------------------------------------------------------------------------
b64() { sed -e '/-----/d' "$1.pem" | tr -d '\n'; }
b64lines() { sed -e '/-----/d' "$1.pem"; }
TENANT=8f3c2a1e-5b7d-4e9a-9c2f-1a2b3c4d5e6f
STORE=d-99672a1b2c
AWS=https://eu-central-1.signin.aws.amazon.com/platform/saml
ACS1=$AWS/acs/5b0e9d24-7c3a-4f1e-8a6d-2c9b1e0f3a47
ACS2=$AWS/acs/0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f
SSO=https://login.microsoftonline.com/$TENANT/saml2
EMAIL=urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress
POST=urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST
REDIRECT=urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect

# AWS IAM Identity Center SP metadata, md: prefix; $1 = ACS elements, $2 = extra key descriptors
aws_sp() {
  cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="$AWS/$STORE">
  <md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
        <ds:X509Data>
          <ds:X509Certificate>$(b64 aws-sp)</ds:X509Certificate>
        </ds:X509Data>
      </ds:KeyInfo>
    </md:KeyDescriptor>$2
    <md:NameIDFormat>$EMAIL</md:NameIDFormat>
$1
  </md:SPSSODescriptor>
</md:EntityDescriptor>
XML
}
aws_sp "    <md:AssertionConsumerService Binding=\"$POST\" Location=\"$ACS1\" index=\"0\" isDefault=\"true\"/>" "" > aws-idc-sp.xml
{ printf '\357\273\277'; cat aws-idc-sp.xml; } > aws-idc-sp-bom.xml
aws_sp "    <md:AssertionConsumerService Binding=\"$POST\" Location=\"$ACS1\" index=\"0\" isDefault=\"true\"/>
    <md:AssertionConsumerService Binding=\"$POST\" Location=\"$ACS2\" index=\"1\"/>" "
    <md:KeyDescriptor use=\"signing\">
      <ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data><ds:X509Certificate>
$(b64lines rollover)
      </ds:X509Certificate></ds:X509Data></ds:KeyInfo>
    </md:KeyDescriptor>" > aws-idc-sp-multi-acs.xml
sed -e 's/md://g' -e 's/xmlns:md=/xmlns=/' aws-idc-sp.xml > aws-idc-sp-default-ns.xml
sed -e "s#http\(s\)*://eu-central-1.signin.aws.amazon.com/platform/saml/acs/#http://eu-central-1.signin.aws.amazon.com/platform/saml/acs/#" \
  aws-idc-sp.xml > http-acs-sp.xml

# The legacy single-account AWS SAML app (not IAM Identity Center)
cat > legacy-aws-sp.xml <<XML
<?xml version="1.0"?>
<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="urn:amazon:webservices">
  <SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAssertionsSigned="true">
    <KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>$(b64 aws-sp)</X509Certificate></X509Data></KeyInfo></KeyDescriptor>
    <NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</NameIDFormat>
    <NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</NameIDFormat>
    <AssertionConsumerService index="1" isDefault="true" Binding="$POST" Location="https://signin.aws.amazon.com/saml"/>
  </SPSSODescriptor>
</EntityDescriptor>
XML

# Entra federation metadata (default namespace, signed, WS-Fed role descriptors before the IdP one);
# $1 = the IDPSSODescriptor's key descriptors. The signature is not valid: FedPilot does not verify it.
keydesc() { echo "<KeyDescriptor use=\"$1\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data><X509Certificate>$(b64 "$2")</X509Certificate></X509Data></KeyInfo></KeyDescriptor>"; }
entra_idp() {
  cat <<XML
<?xml version="1.0" encoding="utf-8"?><EntityDescriptor ID="_4f1c0f0e-2b7a-4a39-9d1e-6f0a7c3b2e51" entityID="https://sts.windows.net/$TENANT/" xmlns="urn:oasis:names:tc:SAML:2.0:metadata"><Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo><CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#" /><SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256" /><Reference URI="#_4f1c0f0e-2b7a-4a39-9d1e-6f0a7c3b2e51"><Transforms><Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature" /><Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#" /></Transforms><DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256" /><DigestValue>bm90IGEgcmVhbCBkaWdlc3Q=</DigestValue></Reference></SignedInfo><SignatureValue>bm90IGEgcmVhbCBzaWduYXR1cmU=</SignatureValue><KeyInfo><X509Data><X509Certificate>$(b64 expired)</X509Certificate></X509Data></KeyInfo></Signature><RoleDescriptor xsi:type="fed:SecurityTokenServiceType" protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:fed="http://docs.oasis-open.org/wsfed/federation/200706">$(keydesc signing expired)<fed:PassiveRequestorEndpoint><wsa:EndpointReference xmlns:wsa="http://www.w3.org/2005/08/addressing"><wsa:Address>https://login.microsoftonline.com/$TENANT/wsfed</wsa:Address></wsa:EndpointReference></fed:PassiveRequestorEndpoint></RoleDescriptor><IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">$1<SingleLogoutService Binding="$REDIRECT" Location="$SSO" /><SingleSignOnService Binding="$REDIRECT" Location="$SSO" /><SingleSignOnService Binding="$POST" Location="$SSO" /></IDPSSODescriptor></EntityDescriptor>
XML
}
entra_idp "$(keydesc signing long-valid)" > entra-idp.xml
entra_idp "$(keydesc signing long-valid)$(keydesc signing rollover)" > entra-idp-multi-cert.xml
entra_idp "$(keydesc signing expired)" > expired-cert-idp.xml
entra_idp "$(keydesc signing expiring)" > expiring-cert-idp.xml
entra_idp "$(keydesc signing long-valid)$(keydesc encryption long-valid)" > encryption-key-idp.xml

# An EntitiesDescriptor wrapping one (prefixed) Entra entity
{ echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" Name="urn:example:federation">'
  echo "  <md:EntityDescriptor entityID=\"https://sts.windows.net/$TENANT/\">"
  echo '    <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">'
  echo "      $(keydesc signing long-valid | sed 's/<\(\/*\)KeyDescriptor/<\1md:KeyDescriptor/g')"
  echo "      <md:NameIDFormat>$EMAIL</md:NameIDFormat>"
  echo "      <md:SingleSignOnService Binding=\"$REDIRECT\" Location=\"$SSO\"/>"
  echo '    </md:IDPSSODescriptor>'
  echo '  </md:EntityDescriptor>'
  echo '</md:EntitiesDescriptor>'; } > entities-wrapper.xml

# Another IdP (not Entra) and another SP (not AWS)
cat > other-idp.xml <<XML
<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="http://www.okta.com/exk1a2b3c4d5e6f7g8h9">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>$(b64 long-valid)</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
    <md:SingleSignOnService Binding="$POST" Location="https://example.okta.com/app/example/exk1a2b3c4d5e6f7g8h9/sso/saml"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
XML
cat > other-sp.xml <<XML
<?xml version="1.0" encoding="UTF-8"?>
<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://app.example.com/saml/metadata">
  <SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <AssertionConsumerService Binding="$POST" Location="https://app.example.com/saml/acs" index="0"/>
  </SPSSODescriptor>
</EntityDescriptor>
XML

# IdP metadata that breaks AWS's upload rules: no entityID, no certificate, no SingleSignOnService
cat > idp-incomplete.xml <<XML
<?xml version="1.0" encoding="UTF-8"?>
<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata">
  <IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</NameIDFormat>
    <SingleLogoutService Binding="$REDIRECT" Location="$SSO"/>
  </IDPSSODescriptor>
</EntityDescriptor>
XML

# --- hostile and broken input ---------------------------------------------------------------------
cat > billion-laughs.xml <<'XML'
<?xml version="1.0"?>
<!DOCTYPE md:EntityDescriptor [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://example.com/&lol9;">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:NameIDFormat>&lol9;</md:NameIDFormat>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
XML
cat > xxe-passwd.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE md:EntityDescriptor [ <!ENTITY leak SYSTEM "file:///etc/passwd"> ]>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://example.com/idp">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:NameIDFormat>&leak;</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://example.com/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
XML
cat > xinclude-passwd.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:xi="http://www.w3.org/2001/XInclude" entityID="https://example.com/idp">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:NameIDFormat><xi:include href="file:///etc/passwd" parse="text"/></md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://example.com/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
XML
head -c 700 aws-idc-sp.xml > truncated.xml
openssl x509 -in long-valid.pem -outform der -out binary.bin
cat > wrong-root.html <<'XML'
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Sign in to your account</title></head><body><p>Sign in</p></body></html>
XML
sed -e 's#xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"#xmlns:md="urn:oasis:names:tc:SAML:1.0:metadata"#' aws-idc-sp.xml > wrong-namespace.xml
sed -e 's/md://g' -e 's/ xmlns:md="[^"]*"//' aws-idc-sp.xml > no-namespace.xml
: > empty.xml

# Expected values, as OpenSSL computes them, for the tests to compare with: name sha256 notBefore notAfter
for c in long-valid aws-sp rollover expired expiring; do
  fp=$(openssl x509 -in "$c.pem" -noout -fingerprint -sha256 | sed -e 's/.*=//' -e 's/://g' | tr 'A-F' 'a-f')
  nb=$(openssl x509 -in "$c.pem" -noout -startdate -dateopt iso_8601 | sed -e 's/.*=//' -e 's/ /T/' -e 's/Z$/Z/')
  na=$(openssl x509 -in "$c.pem" -noout -enddate -dateopt iso_8601 | sed -e 's/.*=//' -e 's/ /T/')
  echo "$c $fp $nb $na"
done > expected-certificates.txt
