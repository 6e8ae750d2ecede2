package kelvin.env.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HorizonValuesTest {

    @Test
    void cliffWalkingOptimalValueIsMinusThirteenWithAnyLongEnoughEpisode() {
        TabularModel model = ((Gridworld) BuiltinMap.create("cliff-walking")).model();
        // Example 6.6: 13 steps at -1 each along the cliff edge.
        assertEquals(-13, HorizonValues.optimalStart(model, 1.0, 1000), 1e-9);
        // cut after 5 steps the agent has paid 5 and is still walking
        assertEquals(-5, HorizonValues.optimalStart(model, 1.0, 5), 1e-9);
    }

    @Test
    void aPolicyThatNeverTerminatesHasTheValueOfItsTruncatedEpisode() {
        TabularModel model = ((Gridworld) BuiltinMap.create("cliff-walking")).model();
        int states = model.states();
        double[] alwaysLeft = new double[states * 4];
        for (int s = 0; s < states; s++) {
            alwaysLeft[s * 4 + GridAction.LEFT.ordinal()] = 1; // bumps into the west edge at the start forever
        }
        // every one of the H steps costs -1: the exact value at gamma = 1 would be -infinity
        assertEquals(-100, HorizonValues.policyStart(model, 1.0, alwaysLeft, 100), 1e-9);
        // with gamma 0.9 the cut-off sum is -(1 - 0.9^100) / (1 - 0.9)
        assertEquals(-(1 - Math.pow(0.9, 100)) / 0.1, HorizonValues.policyStart(model, 0.9, alwaysLeft, 100), 1e-9);
    }
}
