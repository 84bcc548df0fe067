package care.iop.deploy;

/** What an overlay promises: its namespace and how many copies of each thing it runs. */
record Expectations(String namespace, int deploymentReplicas, int kafkaNodes, int topicReplicas, int minInSyncReplicas,
        int postgresInstances) {

    static final Expectations DEV = new Expectations("iop-dev", 1, 1, 1, 1, 1);
    static final Expectations PROD = new Expectations("iop", 3, 3, 3, 2, 3);
}
