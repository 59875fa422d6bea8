package io.harbormaster.sandbox.iam;

/** An IAM user in the ops account with one access key and one virtual MFA device. */
public record IamUser(String name, String accountId, String userId, String accessKeyId, String secretAccessKey,
                      byte[] totpSecret) {

    public String arn() {
        return "arn:aws:iam::" + accountId + ":user/" + name;
    }

    public String mfaSerial() {
        return "arn:aws:iam::" + accountId + ":mfa/" + name;
    }

    public String totpSecretBase32() {
        return Base32.encode(totpSecret);
    }
}
