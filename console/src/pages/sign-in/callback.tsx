import Box from '@cloudscape-design/components/box';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { completeCognitoSignIn } from '../../commons/auth';
import { strings } from '../../commons/strings';

/** Where Cognito's managed login returns with the authorization code (exchanged with the PKCE verifier). */
export default function Callback() {
  const navigate = useNavigate();
  useEffect(() => {
    void completeCognitoSignIn().then(() => navigate('/', { replace: true }));
  }, [navigate]);
  return <Box padding="xxl">{strings.signIn.completing}</Box>;
}
