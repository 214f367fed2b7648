# Raw envelopes in pywinrm's prefixes (env, a, w), sent with winrm.protocol.Protocol.send_message
# to the server under test; each answer (or fault) is printed as "<tag> <base64>" for
# tst_wsmanexternal to read with its own reader.
#
#   pywinrm_client.py ENDPOINT USER PASSWORD CA_PEM
#
# CA_PEM pins the server's self-signed certificate (validated, not ignored: pywinrm 0.3 lets
# REQUESTS_CA_BUNDLE in the environment override server_cert_validation='ignore').
import base64, sys
from winrm.protocol import Protocol
# pywinrm 0.3 (Debian 12) raises WinRMError carrying the fault's fields in its text.
from winrm.exceptions import WinRMError

endpoint, user, password, ca = sys.argv[1:5]
p = Protocol(endpoint=endpoint, transport='basic', username=user, password=password,
             server_cert_validation='validate', ca_trust_path=ca)
NS = ('xmlns:env="http://www.w3.org/2003/05/soap-envelope" '
      'xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" '
      'xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd" '
      'xmlns:n="http://schemas.xmlsoap.org/ws/2004/09/enumeration"')
MS = 'http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/storage/iscsitarget/'
DMTF = 'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/'

def header(action, uri, selectors=''):
    return ('<env:Header><a:To>%s</a:To><w:ResourceURI env:mustUnderstand="true">%s</w:ResourceURI>'
            '<a:ReplyTo><a:Address env:mustUnderstand="true">'
            'http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>'
            '<a:Action env:mustUnderstand="true">%s</a:Action>'
            '<w:MaxEnvelopeSize env:mustUnderstand="true">153600</w:MaxEnvelopeSize>'
            '<a:MessageID>uuid:%s</a:MessageID><w:Locale xml:lang="en-US" env:mustUnderstand="false"/>'
            '<w:OperationTimeout>PT60.000S</w:OperationTimeout>%s</env:Header>'
            % (endpoint, uri, action, action[-8:] + '-0000-4000-8000-000000000001', selectors))

def send(tag, head, body):
    try:
        out = p.send_message('<env:Envelope %s>%s<env:Body>%s</env:Body></env:Envelope>' % (NS, head, body))
        print(tag, base64.b64encode(out if isinstance(out, bytes) else out.encode()).decode())
    except WinRMError as e:
        print(tag + '-FAULT', base64.b64encode(str(e).encode()).decode())
    sys.stdout.flush()

send('IDENTIFY', '<env:Header/>',
     '<wsmid:Identify xmlns:wsmid="http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd"/>')
send('ENUMERATE', header('http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate', MS + 'TEST_Widget'),
     '<n:Enumerate><w:OptimizeEnumeration/><w:MaxElements>32000</w:MaxElements>'
     '<w:EnumerationMode>EnumerateObjectAndEPR</w:EnumerationMode></n:Enumerate>')
send('GET', header('http://schemas.xmlsoap.org/ws/2004/09/transfer/Get', DMTF + 'CIM_Widget',
                   '<w:SelectorSet><w:Selector Name="Id">b</w:Selector>'
                   '<w:Selector Name="__cimnamespace">root/cimv2/storage/iscsitarget</w:Selector></w:SelectorSet>'), '')
send('INVOKE', header(MS + 'TEST_Service/Frobnicate', MS + 'TEST_Service',
                      '<w:SelectorSet><w:Selector Name="Name">svc</w:Selector></w:SelectorSet>'),
     '<p:Frobnicate_INPUT xmlns:p="%sTEST_Service"><p:Count>5</p:Count><p:Names>x</p:Names>'
     '<p:Names>y</p:Names></p:Frobnicate_INPUT>' % MS)
send('MISSING', header('http://schemas.xmlsoap.org/ws/2004/09/transfer/Get', MS + 'TEST_Widget',
                       '<w:SelectorSet><w:Selector Name="Id">zz</w:Selector></w:SelectorSet>'), '')
