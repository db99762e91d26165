#include "pipeline_job/PipelineJobTypeInfo.h"

#include <string>

#include "pipeline_job/PipelineSettingNames.h"

namespace aifoundry::pipeline_job {
namespace {

// Attribute names as in docs/azure-contract.md. Values reach the plugin as text, so numbers and
// switches are strings with a pattern. Secrets carry writeOnly and x-polysync-secret so a host never shows
// them.
constexpr const char* kSettingsSchema = R"json({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "AI Foundry Pipeline Job connection",
  "description": "An Azure Machine Learning workspace (Azure AI Foundry hub or project) and how to sign in to it. Contributor on the workspace is needed.",
  "type": "object",
  "required": ["Subscription Id", "Resource Group Name", "Workspace Name"],
  "properties": {
    "Subscription Id": {"type": "string", "minLength": 1, "description": "The Azure subscription of the workspace."},
    "Resource Group Name": {"type": "string", "minLength": 1, "description": "The resource group of the workspace."},
    "Workspace Name": {"type": "string", "minLength": 1, "description": "The Azure ML workspace name."},
    "Authentication Method": {
      "type": "string",
      "enum": ["Polysync Service Principal", "Service Principal", "Certificate", "Managed Identity", "Workload Identity", "Environment"],
      "default": "Polysync Service Principal",
      "description": "How to sign in: the host's own identity (default), a client secret, a certificate, a managed identity, a federated workload identity, or the AZURE_* environment variables."
    },
    "Tenant Id": {"type": "string", "description": "The Microsoft Entra tenant (Service Principal, Certificate, Workload Identity)."},
    "Client Id": {"type": "string", "description": "The application (client) id; for Managed Identity, a user-assigned identity's client id."},
    "Client Secret": {"type": "string", "writeOnly": true, "x-polysync-secret": true, "description": "The client secret (Service Principal)."},
    "Certificate": {"type": "string", "writeOnly": true, "x-polysync-secret": true, "description": "The certificate as PEM or PFX text, base64, or a file path (Certificate)."},
    "Certificate Password": {"type": "string", "writeOnly": true, "x-polysync-secret": true, "description": "The password of an encrypted certificate."},
    "Thumbprint": {"type": "string", "description": "The certificate's SHA-1 thumbprint, when it must be stated."},
    "Federated Token File": {"type": "string", "description": "The federated token file (Workload Identity); default AZURE_FEDERATED_TOKEN_FILE."},
    "Azure Cloud": {
      "type": "string",
      "enum": ["AzurePublicCloud", "AzureUSGovernment", "AzureChinaCloud"],
      "default": "AzurePublicCloud",
      "description": "Sets the authority host, Resource Manager endpoint, Azure ML audience and Studio host."
    },
    "Resource Manager Endpoint": {"type": "string", "format": "uri", "description": "Overrides the cloud's Resource Manager endpoint."},
    "Authority Host": {"type": "string", "format": "uri", "description": "Overrides the cloud's sign-in authority."},
    "Azure ML Audience": {"type": "string", "description": "Overrides the Azure ML token audience."},
    "Studio Host": {"type": "string", "description": "Overrides the host name of Monitor URLs, e.g. ml.azure.com."},
    "Managed Identity Endpoint": {"type": "string", "format": "uri", "description": "Overrides the managed identity endpoint (IMDS or App Service)."},
    "API Version": {"type": "string", "default": "2024-10-01", "description": "The Azure ML REST api-version."},
    "CA Bundle Path": {"type": "string", "description": "A PEM file of CA certificates to trust instead of the system's."},
    "Allow Plain HTTP To Loopback": {"type": "string", "enum": ["true", "false"], "default": "false", "description": "Allows http:// to loopback addresses only (the local emulator)."},
    "Request Timeout Seconds": {"type": "string", "pattern": "^[0-9]{1,4}$", "default": "60", "description": "The longest wait for any single read of one HTTP request, in seconds (1 to 3600; default 60)."},
    "Discovery Tag": {"type": "string", "description": "Import only template pipelines that carry this tag key."},
    "Additional Token Hosts": {"type": "string", "description": "Hosts besides the Resource Manager endpoint and the cloud's Azure ML hosts that may receive the access token, separated by commas; '.example.com' or '*.example.com' means any host under example.com."}
  },
  "allOf": [
    {"if": {"properties": {"Authentication Method": {"const": "Service Principal"}}, "required": ["Authentication Method"]},
     "then": {"required": ["Tenant Id", "Client Id", "Client Secret"]}},
    {"if": {"properties": {"Authentication Method": {"const": "Certificate"}}, "required": ["Authentication Method"]},
     "then": {"required": ["Tenant Id", "Client Id", "Certificate"]}}
  ]
})json";

constexpr const char* kAttributesSchema = R"json({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "AI Foundry Pipeline Job attributes",
  "type": "object",
  "properties": {
    "AI Foundry Compute Name": {"type": "string", "description": "Overrides the template's compute: a compute name in the workspace or a full ARM id."}
  }
})json";

constexpr const char* kParametersSchema = R"json({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "AI Foundry Pipeline Job parameters",
  "description": "By name of the template pipeline's inputs (Input, Input&Output: sent as literal inputs) and outputs (Output, Input&Output: written back when the run ends). Only literal inputs can be set.",
  "type": "object",
  "additionalProperties": {"type": ["string", "number", "integer", "boolean", "object", "array"]}
})json";

}  // namespace

core::JobTypeInfo pipelineJobTypeInfo(const core::Capabilities& capabilities) {
  core::JobTypeInfo info;
  info.id = std::string(names::kJobTypeId);
  info.displayName = std::string(names::kJobTypeDisplayName);
  info.capabilities = capabilities;
  info.settingsSchemaJson = kSettingsSchema;
  info.attributesSchemaJson = kAttributesSchema;
  info.parametersSchemaJson = kParametersSchema;
  return info;
}

}  // namespace aifoundry::pipeline_job
