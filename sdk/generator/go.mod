module pulumi-cognito-log-delivery/sdk/generator

go 1.26.6

require github.com/pulumi/pulumi/pkg/v3 v3.276.0
